package ciment.local.archfixture.cycle.a;

import ciment.local.archfixture.cycle.b.Pong;

/** Half of a cycle between two packages: what ArchitectureTest's rule on cycles must refuse. Never used. */
public record Ping(Pong pong) {
}
