package ciment.local.archfixture.inbound;

import ciment.core.service.Actions;

/** An inbound adapter that skips the entry point: what ArchitectureTest's rule on inbound adapters must refuse. */
public record InboundCallingAService(Actions actions) {
}
