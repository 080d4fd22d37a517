package org.takedown.common.probe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import org.takedown.testkit.BrokerResource;
import org.takedown.testkit.PostgresResource;
import org.takedown.testkit.ProviderKeysResource;

/** The probe app runs as provider "aws" against a real PostgreSQL and a real Artemis. */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "common_probe"))
@QuarkusTestResource(BrokerResource.class)
@QuarkusTestResource(value = ProviderKeysResource.class, initArgs = @ResourceArg(name = "provider", value = "aws"))
public class ProbeInfrastructure {
}
