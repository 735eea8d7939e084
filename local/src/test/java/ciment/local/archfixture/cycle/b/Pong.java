package ciment.local.archfixture.cycle.b;

import ciment.local.archfixture.cycle.a.Ping;

/** The other half of the cycle {@link Ping} starts. Never used. */
public record Pong(Ping ping) {
}
