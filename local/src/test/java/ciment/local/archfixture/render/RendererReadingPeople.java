package ciment.local.archfixture.render;

import ciment.core.port.People;

/** A renderer that reads a repository: what ArchitectureTest's rule on renderers must refuse. Never used. */
public record RendererReadingPeople(People people) {
}
