package dev.migrations.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlTests {

	@Test
	void convertsTheSeedsFormToJdbcKeepingTheQuery() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://todo:s3cret@db.example.com:5433/todo?sslmode=require");

		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/todo?sslmode=require");
		assertThat(url.user()).isEqualTo("todo");
		assertThat(url.password()).isEqualTo("s3cret");
	}

	@Test
	void acceptsThePostgresSchemeAndSqlAlchemyDriverSuffixes() {
		assertThat(DatabaseUrl.parse("postgres://u@localhost/app").jdbcUrl())
			.isEqualTo("jdbc:postgresql://localhost/app");
		assertThat(DatabaseUrl.parse("postgresql+psycopg2://u:p@localhost:5432/app").jdbcUrl())
			.isEqualTo("jdbc:postgresql://localhost:5432/app");
	}

	@Test
	void decodesPercentEncodedCredentialsAndKeepsPlusSigns() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%3Ass+w%2Fd@localhost/app");

		assertThat(url.user()).isEqualTo("us@er");
		assertThat(url.password()).isEqualTo("p:ss+w/d");
	}

	@Test
	void aUrlWithoutCredentialsHasNone() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost:5432/app");

		assertThat(url.user()).isNull();
		assertThat(url.password()).isNull();
	}

	@Test
	void convertsMySqlAndMariaDbUrlsAndTheirSqlAlchemyFormsToMariaDbConnectorJ() {
		DatabaseUrl url = DatabaseUrl.parse("mysql+pymysql://todo:s%40cret@db.example.com:3307/todo?charset=utf8mb4");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:mariadb://db.example.com:3307/todo");
		assertThat(url.user()).isEqualTo("todo");
		assertThat(url.password()).isEqualTo("s@cret");
		assertThat(DatabaseUrl.parse("mysql://u@localhost/app?sslMode=verify-full&charset=utf8").jdbcUrl())
			.isEqualTo("jdbc:mariadb://localhost/app?sslMode=verify-full");
		assertThat(DatabaseUrl.parse("mariadb://u:p@127.0.0.1:3306/app").jdbcUrl())
			.isEqualTo("jdbc:mariadb://127.0.0.1:3306/app");
		assertThat(DatabaseUrl.parse("mysql+mysqldb://u:p@localhost/app").jdbcUrl())
			.isEqualTo("jdbc:mariadb://localhost/app");
		assertThat(DatabaseType.fromJdbcUrl(DatabaseUrl.parse("mysql://u@h/app").jdbcUrl()))
			.contains(DatabaseType.MARIADB);
	}

	@Test
	void aMalformedUrlIsAClearErrorThatNeverShowsThePassword() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("oracle://root:hunter2@localhost/app"))
			.withMessage("DATABASE_URL 'oracle://***@localhost/app' cannot be used: "
					+ "the scheme must be postgresql://, postgres://, mysql:// or mariadb://. "
					+ "Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=... or "
					+ "mysql://USER:PASSWORD@HOST:PORT/DATABASE");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@localhost"))
			.withMessageContaining("it must name one database, as in mysql://host:3306/mydb")
			.withMessageNotContaining("hunter2");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgresql://u:hunter2@localhost"))
			.withMessageContaining("it must name one database")
			.withMessageNotContaining("hunter2");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgresql://u:hunter2@/app"))
			.withMessageContaining("it names no host")
			.withMessageNotContaining("hunter2");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgresql://u:hun ter2@h/app"))
			.withMessageContaining("it is not a valid URL")
			.withMessageNotContaining("hun ter2");
	}

}
