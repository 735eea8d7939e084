package ciment.local.archfixture.delivery;

import ciment.infra.dynamo.DynamoRepositories;

/** Delivery on infra's concrete table: what ArchitectureTest's rule on delivery must refuse. Never used. */
public record DeliveryOnDynamo(DynamoRepositories store) {
}
