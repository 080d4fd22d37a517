package org.takedown.hosting;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.takedown.hosting.Api.ADMIN;
import static org.takedown.hosting.Api.PROBLEM;
import static org.takedown.hosting.Api.REPORTER;
import static org.takedown.hosting.Api.REVIEWER;
import static org.takedown.hosting.Api.as;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.response.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.Category;
import org.takedown.hosting.repository.AbuseReport;
import org.takedown.hosting.repository.ReporterType;
import org.takedown.hosting.rest.Requests.NewReport;
import org.takedown.hosting.service.ReportBatcher;
import org.takedown.hosting.service.ReportService;
import org.takedown.hosting.service.ReportService.Intake;
import org.takedown.hosting.service.ReportService.Outcome;
import org.takedown.hosting.service.ReportService.Submission;

/** Reports submitted at once are filed together (group commit) and must come out exactly as if filed one by one. */
@QuarkusTest
class ReportBatchingTest {

    @Inject
    ReportBatcher batcher;

    @Inject
    ReportService reports;

    @Inject
    AuditTrail audit;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void concurrentReportsAreAllFiledOnceWithOneAuditEntryEach() throws Exception {
        String domain = Api.uniqueDomain("batch");
        Api.customer("Batch LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        List<Response> answers = all(48, i -> post(Api.report("USER", "batch-" + i, "https://" + domain + "/p/" + i,
                "SPAM", at)));

        Set<Integer> ids = new HashSet<>();
        Set<Integer> cases = new HashSet<>();
        for (Response answer : answers) {
            answer.then().statusCode(201).body("duplicate", equalTo(false));
            ids.add(answer.path("id"));
            cases.add(answer.path("caseId"));
        }
        assertEquals(48, ids.size(), "one report per submission");
        assertEquals(1, cases.size(), "one case for one customer and area");
        as(REVIEWER).get("/cases/" + cases.iterator().next()).then().body("reportCount", equalTo(48));
        for (int id : ids) {
            as(ADMIN).queryParam("entityType", "report").queryParam("entityId", id).get("/audit").then()
                    .statusCode(200).body("total", equalTo(1)).body("items[0].action", equalTo("report.received"));
            as(REVIEWER).get("/reports/" + id).then().statusCode(200).body("caseId", equalTo(cases.iterator().next()));
        }
    }

    @Test
    void concurrentDuplicatesGiveOneReport() throws Exception {
        String domain = Api.uniqueDomain("batch-dup");
        Api.customer("Batch Dup LLC", domain);
        Map<String, Object> report = Api.report("USER", "same-reporter", "https://" + domain + "/p/1", "SPAM",
                Api.now().minusSeconds(60));
        List<Response> answers = all(24, i -> post(report));

        int created = 0;
        Set<Integer> ids = new HashSet<>();
        for (Response answer : answers) {
            if (answer.statusCode() == 201) {
                created++;
                answer.then().body("duplicate", equalTo(false));
            } else {
                answer.then().statusCode(200).body("duplicate", equalTo(true));
            }
            ids.add(answer.path("id"));
        }
        assertEquals(1, created, "exactly one submission creates the report");
        assertEquals(1, ids.size(), "every duplicate answers with the one report");
        int caseId = answers.get(0).path("caseId");
        as(REVIEWER).get("/cases/" + caseId).then().body("reportCount", equalTo(1));
        as(ADMIN).queryParam("entityType", "report").queryParam("entityId", ids.iterator().next()).get("/audit")
                .then().body("total", equalTo(1));
    }

    @Test
    void aRefusedReportAmongGoodOnesIsRefusedAlone() throws Exception {
        String domain = Api.uniqueDomain("batch-mixed");
        Api.customer("Batch Mixed LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        List<Response> answers = all(32, i -> post(Api.report("USER", "mixed-" + i,
                i % 4 == 0 ? "https://nobody-hosts-" + i + ".example/p" : "https://" + domain + "/p/" + i, "SPAM", at)));

        Set<Integer> cases = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            if (i % 4 == 0) {
                answers.get(i).then().statusCode(422).contentType(PROBLEM)
                        .body("errors[0].field", equalTo("contentUrl"));
            } else {
                answers.get(i).then().statusCode(201);
                cases.add(answers.get(i).path("caseId"));
            }
        }
        assertEquals(1, cases.size());
        as(REVIEWER).get("/cases/" + cases.iterator().next()).then().body("reportCount", equalTo(24));
    }

    @Test
    void aReportFiledBeforeItsCustomerWasTerminatedIsStillADuplicate() {
        String domain = Api.uniqueDomain("batch-terminated");
        long customer = Api.customer("Batch Terminated LLC", domain);
        Map<String, Object> report = Api.report("USER", "early", "https://" + domain + "/p/1", "SPAM",
                Api.now().minusSeconds(60));
        int id = post(report).then().statusCode(201).extract().path("id");
        DecisionTest.decide(customer, Api.decision("TERMINATE", null, Map.of("emergency", true, "emergencyReason",
                "CSAM")));

        post(report).then().statusCode(200).body("duplicate", equalTo(true)).body("id", equalTo(id));
        post(Api.report("USER", "late", "https://" + domain + "/p/2", "SPAM", Api.now().minusSeconds(60)))
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void aReportTheDatabaseRejectsFailsAloneAndTheOthersAreFiled() throws Exception {
        String domain = Api.uniqueDomain("batch-fail");
        Api.customer("Batch Fail LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        // a reporter key longer than its column: only the database refuses it, so its whole batch rolls back
        String tooLong = "id:" + "x".repeat(298);
        List<Future<Intake>> filed = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            NewReport request = new NewReport(ReporterType.USER, null, null, null, "https://" + domain + "/p/" + i,
                    null, Api.sha(), at, Category.SPAM);
            String key = i % 6 == 0 ? tooLong : "id:fail-" + i;
            filed.add(batcher.submit(new Submission(request, key, "reporter-1")).toCompletableFuture());
        }
        Set<Long> cases = new HashSet<>();
        for (int i = 0; i < filed.size(); i++) {
            Future<Intake> future = filed.get(i);
            if (i % 6 == 0) {
                ExecutionException failure = assertThrows(ExecutionException.class, future::get);
                assertInstanceOf(RuntimeException.class, failure.getCause());
            } else {
                Intake intake = future.get();
                assertEquals(false, intake.duplicate());
                cases.add(intake.report().caseId);
            }
        }
        assertEquals(1, cases.size());
        as(REVIEWER).get("/cases/" + cases.iterator().next()).then().body("reportCount", equalTo(20));
    }

    @Test
    void equalReportsInOneStatementGiveOneReportWithOneAuditEntry() {
        String domain = Api.uniqueDomain("batch-list");
        Api.customer("Batch List LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        // the case exists, so all three reports below are inserted by one statement
        int caseId = post(Api.report("USER", "opener", "https://" + domain + "/p/0", "SPAM", at)).then()
                .statusCode(201).extract().path("caseId");
        Submission first = submission(domain, 1, at);
        Submission second = submission(domain, 2, at);

        List<Outcome> outcomes = QuarkusTransaction.requiringNew()
                .call(() -> reports.fileAll(List.of(first, second, first)));

        assertEquals(List.of(false, false, true), outcomes.stream().map(o -> o.intake().duplicate()).toList());
        assertEquals(outcomes.get(0).intake().report().id, outcomes.get(2).intake().report().id);
        for (int i = 1; i <= 2; i++) {
            Long reportId = outcomes.get(i - 1).intake().report().id;
            as(ADMIN).queryParam("entityType", "report").queryParam("entityId", reportId).get("/audit").then()
                    .statusCode(200).body("total", equalTo(1)).body("items[0].action", equalTo("report.received"))
                    .body("items[0].actor", equalTo("reporter-1"))
                    .body("items[0].details", equalTo("case=" + caseId + "; reporter=USER; url=https://" + domain
                            + "/p/" + i));
        }
    }

    @Test
    void oneListFilesWhatTheLiveCaseTakesAndLeavesCaseWorkToItsOwnPath() {
        String domain = Api.uniqueDomain("batch-split");
        long customer = Api.customer("Batch Split LLC", domain);
        // a customer whose registered domain lies under the first one's: the closer domain owns its hosts
        String shop = "shop." + domain;
        long shopOwner = Api.customer("Batch Split Shop LLC", shop);
        String gone = Api.uniqueDomain("batch-split-gone");
        long terminated = Api.customer("Batch Split Gone LLC", gone);
        DecisionTest.decide(terminated, Api.decision("TERMINATE", null, Map.of("emergency", true, "emergencyReason",
                "CSAM")));
        Instant at = Api.now().minusSeconds(60);
        int spamCase = post(Api.report("USER", "opener", "https://" + domain + "/p/0", "SPAM", at)).then()
                .statusCode(201).extract().path("caseId");
        int shopCase = post(Api.report("USER", "opener", "https://" + shop + "/p/0", "SPAM", at)).then()
                .statusCode(201).extract().path("caseId");
        Submission onLiveCase = report(ReporterType.USER, null, "https://" + domain + "/p/1", Category.SPAM, at);
        Submission bySubdomain = report(ReporterType.USER, null, "https://media.cdn." + domain + "/p/2",
                Category.SPAM, at);
        Submission byCloserDomain = report(ReporterType.USER, null, "https://cdn." + shop + "/p/3", Category.SPAM,
                at);
        Submission raising = report(ReporterType.TRUSTED_FLAGGER, null, "https://" + domain + "/p/4",
                Category.SPAM, at);
        Submission opening = report(ReporterType.USER, null, "https://" + domain + "/p/5",
                Category.VIOLENCE_INCITEMENT, at);
        Submission named = report(ReporterType.USER, customer, "https://" + domain + "/p/6", Category.SPAM, at);
        Submission refused = report(ReporterType.USER, null, "https://" + gone + "/p/7", Category.SPAM, at);

        List<Outcome> outcomes = QuarkusTransaction.requiringNew().call(() -> reports.fileAll(List.of(onLiveCase,
                bySubdomain, byCloserDomain, raising, opening, named, refused, onLiveCase)));

        assertEquals(422, outcomes.get(6).refusal().status());
        List<Intake> filed = List.of(0, 1, 2, 3, 4, 5, 7).stream().map(i -> outcomes.get(i).intake()).toList();
        assertEquals(List.of(false, false, false, false, false, false, true),
                filed.stream().map(Intake::duplicate).toList());
        assertEquals(filed.get(0).report().id, filed.get(6).report().id);
        for (int i : List.of(0, 1, 3, 5)) {
            assertEquals(spamCase, filed.get(i).report().caseId.intValue());
            assertEquals(customer, filed.get(i).report().customerId);
        }
        assertEquals(shopCase, filed.get(2).report().caseId.intValue());
        assertEquals(shopOwner, filed.get(2).report().customerId);
        long violenceCase = filed.get(4).report().caseId;
        as(REVIEWER).get("/cases/" + spamCase).then().body("priority", equalTo("HIGH"))
                .body("reportCount", equalTo(5));
        as(REVIEWER).get("/cases/" + violenceCase).then().body("customerId", equalTo((int) customer))
                .body("category", equalTo("VIOLENCE_INCITEMENT")).body("reportCount", equalTo(1));
        for (Intake intake : filed.subList(0, 6)) {
            as(ADMIN).queryParam("entityType", "report").queryParam("entityId", intake.report().id).get("/audit")
                    .then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].details", equalTo("case=" + intake.report().caseId + "; reporter="
                            + intake.report().reporterType + "; url=" + intake.report().contentUrl));
        }
    }

    @Test
    void theStatementAloneCommitsWhatItFilesAndLeavesTheRestUnanswered() {
        String domain = Api.uniqueDomain("batch-alone");
        long customer = Api.customer("Batch Alone LLC", domain);
        Instant at = Api.now().minusSeconds(60);
        int caseId = post(Api.report("USER", "opener", "https://" + domain + "/p/0", "SPAM", at)).then()
                .statusCode(201).extract().path("caseId");
        Submission known = report(ReporterType.USER, null, "https://" + domain + "/p/1", Category.SPAM, at);
        reports.submit(known);
        Submission onLiveCase = report(ReporterType.USER, null, "https://" + domain + "/p/2", Category.SPAM, at);
        Submission opening = report(ReporterType.USER, null, "https://" + domain + "/p/3",
                Category.VIOLENCE_INCITEMENT, at);
        Submission named = report(ReporterType.USER, customer, "https://" + domain + "/p/4", Category.SPAM, at);

        List<Outcome> outcomes = reports.fileOnLiveCasesAlone(List.of(known, onLiveCase, opening, named));

        assertEquals(Arrays.asList(null, onLiveCase.request().contentUrl(), null, null), outcomes.stream()
                .map(o -> o == null ? null : o.intake().report().contentUrl).toList());
        AbuseReport filed = outcomes.get(1).intake().report();
        // committed by the statement itself: another transaction sees the report and its audit entry
        as(REVIEWER).get("/reports/" + filed.id).then().statusCode(200).body("caseId", equalTo(caseId));
        as(ADMIN).queryParam("entityType", "report").queryParam("entityId", filed.id).get("/audit").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].actor", equalTo("reporter-1"));
        as(REVIEWER).get("/cases/" + caseId).then().body("reportCount", equalTo(3));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .call(() -> reports.fileOnLiveCasesAlone(List.of(onLiveCase))), "never inside a transaction");
    }

    @Test
    void theStatementFindsTheLiveCaseByHostedResourceOrClosestRegisteredDomain() {
        String domain = Api.uniqueDomain("batch-owner");
        Api.customer("Batch Owner LLC", domain);
        String shop = "shop." + domain;
        Api.customer("Batch Owner Shop LLC", shop);
        Instant at = Api.now().minusSeconds(60);
        int ownerCase = post(Api.report("USER", "opener", "https://" + domain + "/p/0", "SPAM", at)).then()
                .statusCode(201).extract().path("caseId");
        int shopCase = post(Api.report("USER", "opener", "https://" + shop + "/p/0", "SPAM", at)).then()
                .statusCode(201).extract().path("caseId");
        // hosted resource, registered domain two labels up, the closer of two registered domains, nobody's host
        List<AbuseReport> list = List.of(unfiled("api." + domain, at), unfiled("media.cdn." + domain, at),
                unfiled("cdn." + shop, at), unfiled("nobody-" + domain, at));

        boolean[] inserted = QuarkusTransaction.requiringNew().call(() -> AbuseReport.insertNew(list,
                List.of("r", "r", "r", "r"), audit.reserveIds(list.size())));

        assertEquals("[true, true, true, false]", Arrays.toString(inserted));
        assertEquals(Arrays.asList((long) ownerCase, (long) ownerCase, (long) shopCase, null),
                list.stream().map(r -> r.caseId).toList());
    }

    private static AbuseReport unfiled(String host, Instant observedAt) {
        AbuseReport report = new AbuseReport();
        report.reporterType = ReporterType.USER;
        report.reporterKey = "id:unfiled";
        report.resource = host;
        report.contentUrl = "https://" + host + "/p/1";
        report.evidenceSha256 = Api.sha();
        report.observedAt = observedAt;
        report.category = Category.SPAM;
        report.receivedAt = observedAt;
        return report;
    }

    private static Submission report(ReporterType reporter, Long customerId, String contentUrl, Category category,
            Instant observedAt) {
        NewReport request = new NewReport(reporter, null, customerId, null, contentUrl, null, Api.sha(), observedAt,
                category);
        return new Submission(request, "id:" + reporter + "-" + contentUrl, "reporter-1");
    }

    private static Submission submission(String domain, int post, Instant observedAt) {
        NewReport request = new NewReport(ReporterType.USER, null, null, null, "https://" + domain + "/p/" + post,
                null, Api.sha(), observedAt, Category.SPAM);
        return new Submission(request, "id:list-" + post, "reporter-1");
    }

    private static Response post(Map<String, Object> report) {
        return as(REPORTER).body(report).post("/reports");
    }

    private interface Indexed<T> {
        T call(int i) throws Exception;
    }

    /** Runs {@code count} calls at once and returns their results in order. */
    private <T> List<T> all(int count, Indexed<T> call) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit((Callable<T>) () -> call.call(index)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
