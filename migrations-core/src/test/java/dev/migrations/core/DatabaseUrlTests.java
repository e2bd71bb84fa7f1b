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
	void aMalformedUrlIsAClearErrorThatNeverShowsThePassword() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@localhost/app"))
			.withMessage("DATABASE_URL 'mysql://***@localhost/app' cannot be used: "
					+ "the scheme must be postgresql:// or postgres://. "
					+ "Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=...");
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
