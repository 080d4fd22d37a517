package org.takedown.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import org.takedown.testkit.BrokerResource;
import org.takedown.testkit.PostgresResource;
import org.takedown.testkit.ProviderKeysResource;

/**
 * Every test of this service runs against a real PostgreSQL, a real Artemis broker, a real SMTP server and an HTTP
 * receiver for webhooks, all started for the run.
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(BrokerResource.class)
@QuarkusTestResource(value = ProviderKeysResource.class, initArgs = @ResourceArg(name = "provider", value = "notification"))
@QuarkusTestResource(SmtpResource.class)
@QuarkusTestResource(WebhookReceiver.class)
public class TestInfrastructure {
}
