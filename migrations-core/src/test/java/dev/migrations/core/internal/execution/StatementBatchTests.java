package dev.migrations.core.internal.execution;

import java.sql.BatchUpdateException;
import java.util.List;

import dev.migrations.core.internal.source.SqlStatement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementBatchTests {

	private static final List<SqlStatement> BATCH = List.of(new SqlStatement("CREATE TABLE a (id INT)", 3),
			new SqlStatement("INSERT INTO a VALUES (1)", 4), new SqlStatement("INSERT INTO b VALUES (2)", 5));

	@Test
	void theFailedEntryIsTheNumberInTheDriversMessageWhenTheMessageHoldsItsText() {
		assertThat(failedEntry("Batch entry 2 INSERT INTO b VALUES (2) was aborted: ERROR: relation \"b\" does "
				+ "not exist  Call getNextException to see other errors in the batch."))
			.isEqualTo(2);
	}

	@Test
	void aTranslatedMessageIsReadTheSameWay() {
		assertThat(failedEntry("Der Batch-Eintrag 1 INSERT INTO a VALUES (1) wurde abgebrochen")).isEqualTo(1);
	}

	@Test
	void withoutAUsableNumberTheOnlyEntryWhoseTextTheMessageHoldsIsTheFailedOne() {
		assertThat(failedEntry("entry INSERT INTO b VALUES (2) was aborted")).isEqualTo(2);
		assertThat(failedEntry("entry 7 INSERT INTO b VALUES (2) was aborted")).isEqualTo(2);
	}

	@Test
	void aMessageThatTellsNoEntryApartGivesNone() {
		assertThat(failedEntry("Batch aborted")).isEqualTo(-1);
		assertThat(failedEntry("entry 9: INSERT INTO a VALUES (1) or INSERT INTO b VALUES (2)")).isEqualTo(-1);
		assertThat(StatementBatch.failedEntry(new BatchUpdateException(), BATCH)).isEqualTo(-1);
	}

	private static int failedEntry(String message) {
		return StatementBatch.failedEntry(new BatchUpdateException(message, new int[0]), BATCH);
	}

}
