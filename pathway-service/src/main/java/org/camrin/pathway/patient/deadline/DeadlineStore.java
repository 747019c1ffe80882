package org.camrin.pathway.patient.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Due times of open pathway steps in a table of the service's PostgreSQL database. Deadlines
 * outlive a restart because nothing is held in memory: the scheduler reads the passed ones from
 * this table on every poll.
 */
@Component
class DeadlineStore implements SmartInitializingSingleton {

    /** One step's due time. */
    record Deadline(String pathwayId, String stepKey, Instant dueAt) {
    }

    private final JdbcTemplate jdbc;

    DeadlineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        jdbc.execute("create table if not exists pathway_deadline ("
                + "pathway_id varchar(36) not null, step_key varchar(40) not null, "
                + "due_at timestamptz not null, primary key (pathway_id, step_key))");
        jdbc.execute("create index if not exists pathway_deadline_due_at on pathway_deadline (due_at)");
    }

    /** Sets a step's due time; setting it again with a new time replaces the old one. */
    void schedule(String pathwayId, String stepKey, Instant dueAt) {
        jdbc.update("insert into pathway_deadline (pathway_id, step_key, due_at) values (?, ?, ?) "
                        + "on conflict (pathway_id, step_key) do update set due_at = excluded.due_at",
                pathwayId, stepKey, Timestamp.from(dueAt));
    }

    void cancel(String pathwayId, String stepKey) {
        jdbc.update("delete from pathway_deadline where pathway_id = ? and step_key = ?", pathwayId, stepKey);
    }

    void cancelAll(String pathwayId) {
        jdbc.update("delete from pathway_deadline where pathway_id = ?", pathwayId);
    }

    /** Removes a deadline only if it still has this due time, so a due time moved meanwhile stays. */
    void remove(Deadline deadline) {
        jdbc.update("delete from pathway_deadline where pathway_id = ? and step_key = ? and due_at = ?",
                deadline.pathwayId(), deadline.stepKey(), Timestamp.from(deadline.dueAt()));
    }

    /** Returns the earliest deadlines due at or before {@code now}, at most {@code limit} of them. */
    List<Deadline> passed(Instant now, int limit) {
        return jdbc.query("select pathway_id, step_key, due_at from pathway_deadline where due_at <= ? "
                        + "order by due_at limit ?",
                (row, index) -> new Deadline(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
                Timestamp.from(now), limit);
    }

    List<Deadline> of(String pathwayId) {
        return jdbc.query("select pathway_id, step_key, due_at from pathway_deadline where pathway_id = ? "
                        + "order by due_at",
                (row, index) -> new Deadline(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
                pathwayId);
    }
}
