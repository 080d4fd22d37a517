package org.takedown.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.takedown.notification.service.Backoff;
import org.takedown.notification.service.WebhookSignature;
import org.takedown.notification.service.WebhookUrlPolicy;

/** The rules that need no running service: which URLs may be called, how long to wait, how to sign. */
class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy production = new WebhookUrlPolicy(false);

    @Test
    void internalAddressesAreRefusedUnlessAllowed() {
        for (String url : new String[] { "http://127.0.0.1/hook", "http://localhost:8080/hook", "https://10.1.2.3/",
                "http://192.168.0.10/", "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/", "http://[fd00::1]/", "http://100.64.0.1/", "http://0.0.0.0/" }) {
            assertTrue(production.refusal(url).isPresent(), url + " must be refused");
            assertEquals(Optional.empty(), new WebhookUrlPolicy(true).refusal(url), url + " is allowed in tests");
        }
    }

    @Test
    void onlyHttpUrlsWithAHostAndNoCredentialsAreAccepted() {
        assertEquals(Optional.empty(), production.refusal("https://93.184.215.14/takedown"));
        assertEquals(Optional.empty(), production.refusal("http://93.184.215.14:8443/takedown?x=1"));
        for (String url : new String[] { "ftp://93.184.215.14/", "file:///etc/passwd", "javascript:alert(1)",
                "https:///nohost", "not a url", "https://user:pw@93.184.215.14/" }) {
            assertTrue(production.refusal(url).isPresent(), url + " must be refused");
        }
    }

    @Test
    void theWaitDoublesUpToACeilingAndJitterOnlyShortensIt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5), 0.5);
        assertEquals(Duration.ofSeconds(30), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(2));
        assertEquals(Duration.ofSeconds(240), backoff.ceiling(4));
        assertEquals(Duration.ofMinutes(5), backoff.ceiling(5));
        assertEquals(Duration.ofMinutes(5), backoff.ceiling(1000));
        for (int i = 0; i < 200; i++) {
            Duration wait = backoff.after(3);
            assertTrue(wait.compareTo(Duration.ofSeconds(60)) >= 0 && wait.compareTo(Duration.ofSeconds(120)) <= 0,
                    wait.toString());
        }
        assertEquals(Duration.ofSeconds(30), new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 0).after(1));
    }

    @Test
    void theSignatureIsTheHmacOfTimestampDotBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.hmac("Jefe", "what do ya want for nothing?"));
        assertEquals("t=1610323140,v1=" + WebhookSignature.hmac("s3cret", "1610323140.{\"a\":1}"),
                WebhookSignature.header("s3cret", 1610323140L, "{\"a\":1}"));
    }
}
