package dev.migrations.core;

/** How the revisions of one run are grouped into transactions. */
public enum TransactionMode {

	/**
	 * One transaction per revision holding its statements and its state rows: a failure
	 * leaves the revisions before it applied.
	 */
	PER_REVISION,

	/**
	 * One transaction for the whole run: a failure leaves nothing of the run. Needs a
	 * database with transactional DDL (PostgreSQL) and no non-transactional revision in
	 * the plan.
	 */
	ALL

}
