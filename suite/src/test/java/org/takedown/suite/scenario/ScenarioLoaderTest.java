package org.takedown.suite.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final String VALID = """
            name: t
            title: a test
            parties:
              acme: {legalName: Acme, domains: [acme.example], bundleIds: [com.acme], appName: Acme,
                     contacts: [{role: cpo, email: cpo@acme.example}], hostedAt: aws, resources: [acme.example],
                     listedAt: [apple]}
            steps:
              - advance: {by: PT1H}
            """;

    @ParameterizedTest
    @ValueSource(strings = { "parler", "parler-court-orders-reinstatement", "parler-google-disagrees" })
    void theShippedScenariosAreValid(String name) {
        Scenario scenario = ScenarioLoader.load(ROOT, name);
        assertEquals(name, scenario.name());
        assertEquals("Parler LLC", scenario.parties().get(0).legalName());
    }

    @Test
    void aValidScenarioParses() {
        assertEquals(1, ScenarioLoader.parse(VALID, "t.yaml").steps().size());
    }

    @Test
    void anUnknownStepTypeNamesTheStepAndTheTypesThatExist() {
        String message = error(VALID.replace("advance: {by: PT1H}", "suspend: {at: aws}"));
        assertTrue(message.contains("steps[0]") && message.contains("'suspend'") && message.contains("decide"), message);
    }

    @Test
    void aTypoInAFieldIsNamed() {
        String message = error(VALID.replace("advance: {by: PT1H}", "advance: {bye: PT1H}"));
        assertTrue(message.contains("steps[0].advance") && message.contains("'bye'"), message);
    }

    @Test
    void anUnknownPartyOrInstanceIsNamed() {
        assertTrue(error(VALID.replace("advance: {by: PT1H}",
                "appeal: {at: aws, party: acne, grounds: x}")).contains("unknown party 'acne'"));
        assertTrue(error(VALID.replace("hostedAt: aws", "hostedAt: azure")).contains("unknown instance 'azure'"));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        String message = error(VALID.replace("advance: {by: PT1H}", "notice: {at: aws, party: acme, facts: x}"));
        assertTrue(message.contains("steps[0].clauseIds: is required"), message);
    }

    @Test
    void brokenYamlAndABadDurationAreRefusedClearly() {
        assertTrue(error("name: [unclosed").contains("not valid YAML"));
        assertTrue(error(VALID.replace("PT1H", "one hour")).contains("steps[0].advance"));
    }

    @Test
    void isolationMakesEveryIdentifierUnique() {
        Party party = ScenarioLoader.parse(VALID, "t.yaml").isolated("r1").parties().get(0);
        assertEquals("Acme [r1]", party.legalName());
        assertEquals("acme-r1.example", party.domains().get(0));
        assertEquals("com.acmer1", party.bundleIds().get(0));
        assertEquals("cpo+r1@acme.example", party.contactEmail());
    }

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "t.yaml")).getMessage();
    }
}
