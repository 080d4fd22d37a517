package org.takedown.hosting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import org.takedown.testkit.BrokerResource;
import org.takedown.testkit.PostgresResource;
import org.takedown.testkit.ProviderKeysResource;

/** Every test of this service runs against a real PostgreSQL and a real Artemis broker started for the run. */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "hosting"))
@QuarkusTestResource(BrokerResource.class)
@QuarkusTestResource(value = ProviderKeysResource.class, initArgs = @ResourceArg(name = "provider", value = "aws"))
public class TestInfrastructure {
}
