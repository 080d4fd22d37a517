package org.takedown.common.time;

import java.time.Instant;

/** Fired after an admin moved the controllable clock; deadline sweeps observe it to run against the new time. */
public record ClockAdvanced(Instant now) {
}
