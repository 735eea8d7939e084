package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.TemplateTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What template.yaml must hold for every function, read from the repository's template.yaml as it is:
 * handler classes that exist in the module whose jar is deployed, a role and a JSON log group with
 * retention of each function's own, no wildcard action, every stream or queue event source with a
 * dead-letter destination and partial batch answers, SnapStart on an alias, and the cost-allocation tag on
 * every resource that takes tags, alarms on every function and queue to the alarm topic (and on the age of the
 * records every stream-mapped function gets), and the table kept
 * safe (on demand, recovery, encryption, stream, TTL, retained, deletion protection as a parameter). Each check is also run on a copy broken on purpose, so that a check that
 * can no longer fail is seen. (This module depends on every function module: their handlers load here.)
 */
class TemplateAssertionsTest {
    private static final Path ROOT = Path.of("..");
    private static final String COST_TAG = "ciment:cost-center";
    private static final Pattern CODE_URI = Pattern.compile("^(functions/[a-z-]+)/target/[a-z-]+\\.jar$");
    private static final Pattern ARTIFACT = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);
    /** Resource types that take tags, and how: a SAM map, or CloudFormation's list of Key/Value. */
    private static final Set<String> TAGGED_AS_LIST = Set.of("AWS::DynamoDB::Table", "AWS::SecretsManager::Secret",
            "AWS::SQS::Queue", "AWS::IAM::Role", "AWS::Logs::LogGroup", "AWS::CloudWatch::Alarm");
    private static final Set<String> TAGGED_AS_MAP = Set.of("AWS::Serverless::Function", "AWS::Serverless::HttpApi");
    /** Types that take no tags; a type in neither set fails, so that a new one is classified. */
    private static final Set<String> UNTAGGABLE = Set.of("AWS::Lambda::Permission", "AWS::SQS::QueuePolicy",
            "AWS::SNS::TopicPolicy");
    private static final Set<String> BATCH_SOURCES = Set.of("DynamoDB", "SQS", "Kinesis");

    // ---- the checks: each returns what is wrong, one sentence a problem ----

    static List<String> handlerProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        functions(template).forEach((name, function) -> {
            String handler = (String) function.get("Handler");
            Matcher module = CODE_URI.matcher(String.valueOf(function.get("CodeUri")));
            if (handler == null || !module.matches()) {
                problems.add(name + " has no handler or its CodeUri is not a module's shaded jar");
                return;
            }
            Class<?> type;
            try {
                type = Class.forName(handler.split("::")[0], false, TemplateAssertionsTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                problems.add(name + "'s handler " + handler + " is not a class");
                return;
            }
            String location = codeLocation(type);
            String artifactId = artifactId(module.group(1));
            boolean inModule = location.contains("/" + module.group(1) + "/target/")
                    || List.of(location.split("/")).contains(artifactId);
            if (!inModule) {
                problems.add(name + "'s handler " + handler + " comes from " + location + ", not from " + module.group(1));
            }
        });
        return problems;
    }

    static List<String> roleAndLogProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> resources = map(template.get("Resources"));
        Map<String, String> roleOwners = new HashMap<>();
        Map<String, String> logOwners = new HashMap<>();
        functions(template).forEach((name, function) -> {
            String role = String.valueOf(function.get("Role")).replaceAll("\\.Arn$", "");
            if (function.containsKey("Policies") || !"AWS::IAM::Role".equals(type(resources.get(role)))) {
                problems.add(name + " has no role of its own in the template (SAM policies or none)");
            } else if (roleOwners.put(role, name) != null) {
                problems.add(name + " shares the role " + role + " with " + roleOwners.get(role));
            }
            Map<String, Object> logging = map(function.get("LoggingConfig"));
            String group = logging == null ? null : String.valueOf(logging.get("LogGroup"));
            if (group == null || !"AWS::Logs::LogGroup".equals(type(resources.get(group)))) {
                problems.add(name + " has no log group of its own");
                return;
            }
            if (logOwners.put(group, name) != null) {
                problems.add(name + " shares the log group " + group + " with " + logOwners.get(group));
            }
            if (!(properties(resources.get(group)).get("RetentionInDays") instanceof Number)) {
                problems.add(name + "'s log group " + group + " keeps logs forever (no RetentionInDays)");
            }
            if (!"JSON".equals(logging.get("LogFormat"))) {
                problems.add(name + " does not log JSON");
            }
        });
        return problems;
    }

    static List<String> wildcardActionProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        map(template.get("Resources")).forEach((name, resource) -> walk(properties(resource), node -> {
            Object action = node.get("Action");
            if (action != null && node.containsKey("Effect")) {
                for (Object one : action instanceof Collection<?> many ? many : List.of(action)) {
                    if (String.valueOf(one).contains("*")) {
                        problems.add(name + " allows the wildcard action " + one);
                    }
                }
            }
        }));
        return problems;
    }

    static List<String> eventSourceProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> resources = map(template.get("Resources"));
        functions(template).forEach((name, function) -> {
            Map<String, Object> events = map(function.get("Events"));
            (events == null ? Map.<String, Object>of() : events).forEach((eventName, event) -> {
                if (!BATCH_SOURCES.contains(map(event).get("Type"))) {
                    return;
                }
                String where = name + "'s event source " + eventName;
                Map<String, Object> source = properties(event);
                Map<String, Object> onFailure = map(map(source.get("DestinationConfig")) == null ? null
                        : map(source.get("DestinationConfig")).get("OnFailure"));
                String destination = onFailure == null ? "" : String.valueOf(onFailure.get("Destination")).replaceAll("\\.Arn$", "");
                if (!"AWS::SQS::Queue".equals(type(resources.get(destination)))) {
                    problems.add(where + " has no dead-letter queue of the template as its on-failure destination");
                }
                if (!Boolean.TRUE.equals(source.get("BisectBatchOnFunctionError"))) {
                    problems.add(where + " does not bisect a failing batch");
                }
                if (!(source.get("MaximumRetryAttempts") instanceof Number retries) || retries.intValue() < 0) {
                    problems.add(where + " retries without bound");
                }
                Object types = source.get("FunctionResponseTypes");
                if (!(types instanceof Collection<?> list) || !list.contains("ReportBatchItemFailures")) {
                    problems.add(where + " does not take partial batch responses");
                }
            });
        });
        return problems;
    }

    static List<String> snapStartProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> globals = globalFunction(template);
        functions(template).forEach((name, function) -> {
            Map<String, Object> snapStart = map(ownOrGlobal(function, globals, "SnapStart"));
            if (snapStart == null || !"PublishedVersions".equals(snapStart.get("ApplyOn"))) {
                problems.add(name + " has no SnapStart on its published versions");
            }
            if (!(ownOrGlobal(function, globals, "AutoPublishAlias") instanceof String alias) || alias.isBlank()) {
                problems.add(name + " publishes no alias for its callers to target");
            }
            if (!"java21".equals(ownOrGlobal(function, globals, "Runtime"))
                    || !List.of("arm64").equals(ownOrGlobal(function, globals, "Architectures"))) {
                problems.add(name + " is not java21 on arm64");
            }
            if (!(function.get("MemorySize") instanceof Number) || !(function.get("Timeout") instanceof Number)) {
                problems.add(name + " does not set its own memory and timeout");
            }
        });
        return problems;
    }

    static List<String> tagProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> globals = globalFunction(template);
        map(template.get("Resources")).forEach((name, resource) -> {
            String type = type(resource);
            Object tags = properties(resource).get("Tags");
            if ("AWS::Serverless::Function".equals(type) && tags == null) {
                tags = globals.get("Tags");
            }
            boolean tagged;
            if (TAGGED_AS_MAP.contains(type)) {
                tagged = tags instanceof Map<?, ?> byKey && byKey.get(COST_TAG) != null;
            } else if (TAGGED_AS_LIST.contains(type)) {
                tagged = tags instanceof Collection<?> list && list.stream()
                        .anyMatch(tag -> tag instanceof Map<?, ?> t && COST_TAG.equals(t.get("Key")) && t.get("Value") != null);
            } else if (UNTAGGABLE.contains(type)) {
                return;
            } else {
                problems.add(name + " is of a type (" + type + ") not known here to take tags or not: classify it");
                return;
            }
            if (!tagged) {
                problems.add(name + " (" + type + ") has no " + COST_TAG + " tag");
            }
        });
        return problems;
    }

    static List<String> alarmProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> resources = map(template.get("Resources"));
        Map<String, Map<String, Object>> watched = new HashMap<>();
        resources.forEach((name, resource) -> {
            if (!"AWS::CloudWatch::Alarm".equals(type(resource))) {
                return;
            }
            Map<String, Object> alarm = properties(resource);
            if (!List.of("AlarmTopicArn").equals(alarm.get("AlarmActions"))) {
                problems.add(name + " does not notify the AlarmTopicArn topic");
            }
            Object dimensions = alarm.get("Dimensions");
            if (dimensions instanceof Collection<?> list) {
                list.forEach(d -> watched.put(alarm.get("MetricName") + " " + map(d).get("Value"), alarm));
            }
        });
        functions(template).forEach((function, properties) -> {
            for (String metric : List.of("Errors", "Throttles")) {
                if (!watched.containsKey(metric + " " + function)) {
                    problems.add(function + " has no alarm on its " + metric);
                }
            }
            // A stream mapping that stalls hands over ever older records: its function's IteratorAge says so.
            streamSources(properties).forEach(source -> {
                Map<String, Object> age = watched.get("IteratorAge " + function);
                if (age == null) {
                    problems.add(function + " reads a stream and has no alarm on its IteratorAge");
                } else if (!"Maximum".equals(age.get("Statistic")) || !(age.get("Threshold") instanceof Number threshold)
                        || !(source.get("MaximumRecordAgeInSeconds") instanceof Number discarded)
                        || threshold.doubleValue() >= discarded.doubleValue() * 1000) {
                    problems.add(function + "'s IteratorAge alarm does not watch the oldest record (Maximum) below the age"
                            + " at which its mapping discards records (MaximumRecordAgeInSeconds)");
                }
            });
        });
        resources.forEach((name, resource) -> {
            if ("AWS::SQS::Queue".equals(type(resource))
                    && !watched.containsKey("ApproximateNumberOfMessagesVisible " + name + ".QueueName")) {
                problems.add("the queue " + name + " has no alarm on messages waiting");
            }
        });
        return problems;
    }

    /** The properties of a function's stream event sources (DynamoDB, Kinesis). */
    private static List<Map<String, Object>> streamSources(Map<String, Object> function) {
        Map<String, Object> events = map(function.get("Events"));
        return events == null ? List.of() : events.values().stream()
                .filter(event -> List.of("DynamoDB", "Kinesis").contains(map(event).get("Type")))
                .map(TemplateAssertionsTest::properties).toList();
    }

    static List<String> tableProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> table = map(map(template.get("Resources")).get("Table"));
        Map<String, Object> properties = properties(table);
        if (!"PAY_PER_REQUEST".equals(properties.get("BillingMode"))) {
            problems.add("the table is not on demand");
        }
        if (!Boolean.TRUE.equals(map(properties.get("PointInTimeRecoverySpecification")) == null ? null
                : map(properties.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"))) {
            problems.add("the table has no point-in-time recovery");
        }
        if (map(properties.get("SSESpecification")) == null || !Boolean.TRUE.equals(map(properties.get("SSESpecification")).get("SSEEnabled"))) {
            problems.add("the table is not encrypted with a key of its own");
        }
        if (properties.get("StreamSpecification") == null || properties.get("TimeToLiveSpecification") == null) {
            problems.add("the table has no stream or no TTL");
        }
        if (!"DeletionProtection".equals(properties.get("DeletionProtectionEnabled"))) {
            problems.add("the table's deletion protection is not the DeletionProtection parameter");
        }
        if (!"Retain".equals(table.get("DeletionPolicy")) || !"Retain".equals(table.get("UpdateReplacePolicy"))) {
            problems.add("the table is not retained when the stack is deleted or the table replaced");
        }
        return problems;
    }

    // ---- the template as it is ----

    @Test
    void template_asItIs_passesEveryCheck() {
        Map<String, Object> template = template();
        assertTrue(functions(template).keySet().containsAll(List.of("SlackFunction", "TeamsFunction",
                "SlackDeliveryFunction", "TeamsDeliveryFunction", "CostsFunction")), functions(template).keySet().toString());
        List<String> problems = new ArrayList<>();
        problems.addAll(handlerProblems(template));
        problems.addAll(roleAndLogProblems(template));
        problems.addAll(wildcardActionProblems(template));
        problems.addAll(eventSourceProblems(template));
        problems.addAll(snapStartProblems(template));
        problems.addAll(tagProblems(template));
        problems.addAll(alarmProblems(template));
        problems.addAll(tableProblems(template));
        assertEquals(List.of(), problems);
    }

    @Test
    void slackRoutes_forOAuthInstalls_areServedByTheSlackFunction_onPayload1() {
        Map<String, Object> events = map(functions(template()).get("SlackFunction").get("Events"));
        Map<String, String> routes = new LinkedHashMap<>();
        events.values().forEach(event -> routes.put(properties(event).get("Method") + " " + properties(event).get("Path"),
                String.valueOf(properties(event).get("PayloadFormatVersion"))));
        assertEquals(Map.of("POST /slack/events", "1.0", "GET /slack/install", "1.0", "GET /slack/oauth_redirect", "1.0"), routes);
    }

    // ---- each check fails on a template broken for it ----

    @Test
    void aRenamedHandler_orOneOfAnotherModule_isFound() {
        assertFound(handlerProblems(broken(t -> function(t, "SlackFunction").put("Handler",
                "ciment.functions.slack.SlackFunctionRenamed"))), "SlackFunction's handler");
        assertFound(handlerProblems(broken(t -> function(t, "SlackDeliveryFunction").put("Handler",
                "ciment.functions.slack.SlackFunction"))), "not from functions/slack-delivery");
    }

    @Test
    void aSharedRole_aMissingLogGroup_orLogsKeptForever_areFound() {
        assertFound(roleAndLogProblems(broken(t -> function(t, "TeamsFunction").put("Role", "SlackRole.Arn"))),
                "shares the role SlackRole");
        assertFound(roleAndLogProblems(broken(t -> function(t, "CostsFunction").remove("LoggingConfig"))),
                "CostsFunction has no log group");
        assertFound(roleAndLogProblems(broken(t -> properties(map(t.get("Resources")).get("SlackLogs"))
                .remove("RetentionInDays"))), "keeps logs forever");
        assertFound(roleAndLogProblems(broken(t -> function(t, "SlackFunction").put("Policies", List.of()))),
                "SlackFunction has no role of its own");
    }

    @Test
    void aWildcardDataAction_isFound() {
        Map<String, Object> template = broken(t -> walk(properties(map(t.get("Resources")).get("TeamsRole")), node -> {
            if ("UseTheTable".equals(node.get("Sid"))) {
                node.put("Action", List.of("dynamodb:*"));
            }
        }));
        assertFound(wildcardActionProblems(template), "TeamsRole allows the wildcard action dynamodb:*");
    }

    @Test
    void aStreamSource_withoutDeadLetters_bisect_boundedRetries_orPartialAnswers_isFound() {
        for (String key : List.of("DestinationConfig", "BisectBatchOnFunctionError", "MaximumRetryAttempts",
                "FunctionResponseTypes")) {
            Map<String, Object> template = broken(t -> properties(map(function(t, "TeamsDeliveryFunction").get("Events"))
                    .get("TeamsOutbox")).remove(key));
            assertEquals(1, eventSourceProblems(template).size(), key + ": " + eventSourceProblems(template));
        }
    }

    @Test
    void aFunctionWithoutSnapStart_anAlias_orItsOwnMemory_isFound() {
        assertFound(snapStartProblems(broken(t -> globalFunction(t).remove("SnapStart"))), "no SnapStart");
        assertFound(snapStartProblems(broken(t -> globalFunction(t).remove("AutoPublishAlias"))), "publishes no alias");
        assertFound(snapStartProblems(broken(t -> function(t, "CostsFunction").remove("MemorySize"))),
                "CostsFunction does not set its own memory");
    }

    @Test
    void aResourceWithoutTheCostTag_orOfAnUnclassifiedType_isFound() {
        assertFound(tagProblems(broken(t -> properties(map(t.get("Resources")).get("DeadLettersAlarm")).remove("Tags"))),
                "DeadLettersAlarm (AWS::CloudWatch::Alarm) has no");
        assertFound(tagProblems(broken(t -> globalFunction(t).remove("Tags"))), "SlackFunction (AWS::Serverless::Function)");
        assertFound(tagProblems(broken(t -> map(t.get("Resources")).put("Topic",
                new LinkedHashMap<>(Map.of("Type", "AWS::SNS::Topic", "Properties", new LinkedHashMap<>()))))),
                "Topic is of a type (AWS::SNS::Topic) not known");
    }

    @Test
    void aFunctionWithoutItsAlarms_orAnAlarmNotifyingNobody_isFound() {
        assertFound(alarmProblems(broken(t -> map(t.get("Resources")).remove("CostsThrottlesAlarm"))),
                "CostsFunction has no alarm on its Throttles");
        assertFound(alarmProblems(broken(t -> map(t.get("Resources")).remove("DeadLettersAlarm"))),
                "DeliveryDeadLetters has no alarm");
        assertFound(alarmProblems(broken(t -> properties(map(t.get("Resources")).get("SlackErrorsAlarm"))
                .put("AlarmActions", List.of()))), "SlackErrorsAlarm does not notify");
    }

    @Test
    void aStreamMappedFunctionWithoutAnIteratorAgeAlarm_orOneThatFiresOnlyOnceRecordsAreDiscarded_isFound() {
        assertFound(alarmProblems(broken(t -> map(t.get("Resources")).remove("SlackDeliveryIteratorAgeAlarm"))),
                "SlackDeliveryFunction reads a stream and has no alarm on its IteratorAge");
        assertFound(alarmProblems(broken(t -> properties(map(t.get("Resources")).get("TeamsDeliveryIteratorAgeAlarm"))
                .put("Threshold", 3_600_000))), "TeamsDeliveryFunction's IteratorAge alarm does not watch");
        assertFound(alarmProblems(broken(t -> properties(map(t.get("Resources")).get("TeamsDeliveryIteratorAgeAlarm"))
                .put("Statistic", "Average"))), "TeamsDeliveryFunction's IteratorAge alarm does not watch");
    }

    @Test
    void deliveryFunctionsTimeout_isHowLongACopysClaimLasts_andTheLocalRunnersTimeout() {
        for (String function : List.of("SlackDeliveryFunction", "TeamsDeliveryFunction")) {
            Object timeout = functions(template()).get(function).get("Timeout");
            assertEquals(ciment.infra.DynamoMirrors.CLAIM_LASTS.toSeconds(), ((Number) timeout).longValue(), function
                    + ": a claim that lapsed before its holder's invocation ends would let a copy be sent twice");
            assertEquals(LocalRunner.DELIVERY_TIMEOUT.toSeconds(), ((Number) timeout).longValue(), function);
        }
    }

    @Test
    void aTableWithoutRecovery_retention_orItsDeletionProtectionParameter_isFound() {
        assertFound(tableProblems(broken(t -> properties(map(t.get("Resources")).get("Table"))
                .remove("PointInTimeRecoverySpecification"))), "no point-in-time recovery");
        assertFound(tableProblems(broken(t -> map(map(t.get("Resources")).get("Table")).remove("DeletionPolicy"))),
                "not retained");
        assertFound(tableProblems(broken(t -> properties(map(t.get("Resources")).get("Table"))
                .put("DeletionProtectionEnabled", false))), "deletion protection");
    }

    // ---- reading the template ----

    /** The repository's template.yaml as it is now (not the devkit jar's copy, which a build may not have refreshed). */
    private static Map<String, Object> template() {
        return TemplateTable.document(ROOT.resolve("template.yaml"));
    }

    private static Map<String, Object> broken(Consumer<Map<String, Object>> damage) {
        Map<String, Object> template = template();
        damage.accept(template);
        return template;
    }

    private static void assertFound(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected «" + expected + "» in " + problems);
    }

    private static Map<String, Map<String, Object>> functions(Map<String, Object> template) {
        Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
        map(template.get("Resources")).forEach((name, resource) -> {
            if ("AWS::Serverless::Function".equals(type(resource))) {
                functions.put(name, properties(resource));
            }
        });
        return functions;
    }

    private static Map<String, Object> function(Map<String, Object> template, String name) {
        return properties(map(template.get("Resources")).get(name));
    }

    private static Map<String, Object> globalFunction(Map<String, Object> template) {
        return map(map(template.get("Globals")).get("Function"));
    }

    private static Object ownOrGlobal(Map<String, Object> function, Map<String, Object> globals, String key) {
        return function.containsKey(key) ? function.get(key) : globals.get(key);
    }

    private static String type(Object resource) {
        return resource == null ? null : String.valueOf(map(resource).get("Type"));
    }

    private static Map<String, Object> properties(Object resource) {
        Map<String, Object> properties = map(map(resource).get("Properties"));
        return properties == null ? Map.of() : properties;
    }

    /** Every mapping under node (lists and !If's branches included), node first. */
    private static void walk(Object node, Consumer<Map<String, Object>> visit) {
        if (node instanceof Map<?, ?>) {
            Map<String, Object> mapping = map(node);
            visit.accept(mapping);
            List.copyOf(mapping.values()).forEach(child -> walk(child, visit));
        } else if (node instanceof Collection<?> list) {
            list.forEach(child -> walk(child, visit));
        }
    }

    private static String codeLocation(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath()
                    .normalize().toString().replace('\\', '/');
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String artifactId(String moduleDir) {
        try {
            Matcher artifact = ARTIFACT.matcher(Files.readString(ROOT.resolve(moduleDir).resolve("pom.xml")));
            return artifact.find() ? artifact.group(1) : moduleDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
