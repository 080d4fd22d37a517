package org.takedown.common.config;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.validation.Validator;

import org.takedown.common.event.EventCodec;
import org.takedown.common.signing.Ed25519Keys;
import org.takedown.common.signing.EventSigner;
import org.takedown.common.signing.TrustList;

/** Builds the codec, this provider's signer and its trust list from configuration, once. */
@ApplicationScoped
public class EventContractProducer {

    @Produces
    @ApplicationScoped
    EventCodec codec(ObjectMapper mapper, Validator validator) {
        return new EventCodec(mapper, validator);
    }

    @Produces
    @ApplicationScoped
    EventSigner signer(TakedownConfig config) {
        return new EventSigner(Ed25519Keys.privateKey(config.signing().privateKey()),
                Ed25519Keys.publicKey(config.signing().publicKey()));
    }

    /** Peers from configuration, plus this provider itself so that its own events verify like any other. */
    @Produces
    @ApplicationScoped
    TrustList trustList(TakedownConfig config) {
        return TrustList.parse(config.trust().peers().orElse(List.of()))
                .trust(config.provider().id(), Ed25519Keys.publicKey(config.signing().publicKey()));
    }
}
