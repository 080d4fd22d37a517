package org.takedown.notification.service;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.EventType;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.notification.repository.Channel;
import org.takedown.notification.repository.Preference;

/**
 * Channels per recipient and event type. Recipients who said nothing get email and inbox. Notices the law requires
 * (the statement of reasons of a restrictive decision, a reversal) reach the affected party on every channel whatever
 * it chose.
 */
@ApplicationScoped
public class PreferenceService {

    /** The channels a recipient can choose between; webhooks are subscriptions, not preferences. */
    public static final Set<Channel> PERSONAL_CHANNELS = EnumSet.of(Channel.EMAIL, Channel.INBOX);

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Channel> channelsFor(Audience audience, String eventName, boolean legallyRequired) {
        if (legallyRequired && audience.isParty()) {
            return PERSONAL_CHANNELS;
        }
        Preference preference = Preference.findById(new Preference.Key(audience.key(), eventName));
        if (preference == null) {
            return PERSONAL_CHANNELS;
        }
        Set<Channel> chosen = EnumSet.noneOf(Channel.class);
        preference.channels.forEach(c -> chosen.add(Channel.valueOf(c)));
        return chosen;
    }

    @Transactional
    public Map<String, List<Channel>> update(String recipient, Map<String, List<Channel>> choices, String actor) {
        choices.forEach((eventName, channels) -> {
            EventType type = EventNames.parse(eventName).orElseThrow(() -> ProblemException.invalid(eventName,
                    "unknown event type; one of " + EventNames.all()));
            if (channels == null || channels.stream().anyMatch(c -> c == null || !PERSONAL_CHANNELS.contains(c))) {
                throw ProblemException.invalid(eventName + ".channels", "channels are chosen among " + PERSONAL_CHANNELS);
            }
            if (type == EventType.DECISION_REVERSED && !channels.containsAll(PERSONAL_CHANNELS)) {
                throw ProblemException.invalid(eventName + ".channels",
                        "a legally required notice cannot be turned off; it is always sent by " + PERSONAL_CHANNELS);
            }
        });
        choices.forEach((eventName, channels) -> {
            Preference preference = Preference.findById(new Preference.Key(recipient, eventName));
            if (preference == null) {
                preference = new Preference();
                preference.recipient = recipient;
                preference.eventType = eventName;
            }
            preference.channels = channels.stream().distinct().map(Channel::name).toList();
            preference.updatedAt = clock.now();
            preference.persist();
        });
        audit.record(actor, "preferences.updated", "preference", recipient, String.join(",", choices.keySet()));
        return of(recipient);
    }

    @Transactional
    public Map<String, List<Channel>> of(String recipient) {
        Map<String, List<Channel>> result = new LinkedHashMap<>();
        Preference.of(recipient).forEach(p -> result.put(p.eventType, p.channels.stream().map(Channel::valueOf).toList()));
        return result;
    }
}
