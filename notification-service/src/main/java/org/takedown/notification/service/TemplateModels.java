package org.takedown.notification.service;

import io.quarkus.qute.TemplateData;

import org.takedown.common.event.Contact;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.DecisionReversed;
import org.takedown.common.event.DecisionScope;
import org.takedown.common.event.EvidenceRef;
import org.takedown.common.event.NoticeIssued;
import org.takedown.common.event.Party;
import org.takedown.common.event.PolicyClause;
import org.takedown.common.event.ReviewConcluded;
import org.takedown.common.event.ReviewOpened;
import org.takedown.common.event.StatementOfReasons;

/** Lets templates read the event contract's records (Qute resolves values without reflection). */
@TemplateData(target = DecisionIssued.class)
@TemplateData(target = DecisionReversed.class)
@TemplateData(target = NoticeIssued.class)
@TemplateData(target = ReviewOpened.class)
@TemplateData(target = ReviewConcluded.class)
@TemplateData(target = Party.class)
@TemplateData(target = Contact.class)
@TemplateData(target = StatementOfReasons.class)
@TemplateData(target = PolicyClause.class)
@TemplateData(target = EvidenceRef.class)
@TemplateData(target = DecisionScope.class)
final class TemplateModels {

    private TemplateModels() {
    }
}
