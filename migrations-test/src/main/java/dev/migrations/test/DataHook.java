package dev.migrations.test;

/** Whether a test class declares {@link StandardRevisionTests#beforeRevision}. */
final class DataHook {

	private DataHook() {
	}

	static boolean isDeclared(StandardRevisionTests tests) {
		try {
			return tests.getClass()
				.getMethod("beforeRevision", String.class, RevisionRunner.class)
				.getDeclaringClass() != StandardRevisionTests.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
