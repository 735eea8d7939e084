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
 * records every stream-mapped function gets), and the table kept safe (on demand, recovery, encryption, stream,
 * TTL, retained, deletion protection as a parameter), and the Slack bot tokens too (their KMS key used by the
 * Slack functions alone, installations out of every other role's reach). Each check is also run on a copy broken
 * on purpose, so that a check that can no longer fail is seen. (This module depends on every function module:
 * their handlers load here.)
 */
class TemplateAssertionsTest {
    private static final Path ROOT = Path.of("..");
    private static final String COST_TAG = "ciment:cost-center";
    private static final Pattern CODE_URI = Pattern.compile("^(functions/[a-z-]+)/target/[a-z-]+\\.jar$");
    private static final Pattern ARTIFACT = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);
    /** Resource types that take tags, and how: a SAM map, or CloudFormation's list of Key/Value. */
    private static final Set<String> TAGGED_AS_LIST = Set.of("AWS::DynamoDB::Table", "AWS::SecretsManager::Secret",
            "AWS::SQS::Queue", "AWS::IAM::Role", "AWS::Logs::LogGroup", "AWS::CloudWatch::Alarm", "AWS::KMS::Key");
    private static final Set<String> TAGGED_AS_MAP = Set.of("AWS::Serverless::Function", "AWS::Serverless::HttpApi");
    /** Types that take no tags; a type in neither set fails, so that a new one is classified. */
    private static final Set<String> UNTAGGABLE = Set.of("AWS::Lambda::Permission", "AWS::SQS::QueuePolicy",
            "AWS::SNS::TopicPolicy");
    private static final Set<String> BATCH_SOURCES = Set.of("DynamoDB", "SQS", "Kinesis");
    /** The functions that hold Slack bot tokens, and what each may do with the key that seals them. */
    private static final Map<String, Set<String>> TOKEN_HOLDERS = Map.of(
            "SlackFunction", Set.of("kms:GenerateDataKey", "kms:Decrypt"), "SlackDeliveryFunction", Set.of("kms:Decrypt"));
    private static final String TOKENS_KEY = "TokensKey";
    private static final String TOKENS_CONTEXT = "kms:EncryptionContext:purpose";
    /** The DynamoDB actions that name items by key: what dynamodb:LeadingKeys can refuse. */
    private static final Set<String> ITEM_ACTIONS = Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem");
    private static final Set<String> WRITE_ACTIONS = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");

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

    /**
     * The key that seals Slack bot tokens: rotated, kept with the table, usable by the Slack functions alone (the
     * delivery one only opens), each use bound to the tokens' encryption context, and named to both functions. Every
     * other role that may touch the table's items is refused the Slack partitions; the delivery one may not change them.
     */
    static List<String> tokenProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> resources = map(template.get("Resources"));
        Map<String, Object> key = map(resources.get(TOKENS_KEY));
        if (key == null || !"AWS::KMS::Key".equals(type(key))) {
            return List.of("there is no " + TOKENS_KEY + " (AWS::KMS::Key) to seal the Slack bot tokens");
        }
        if (!Boolean.TRUE.equals(properties(key).get("EnableKeyRotation"))) {
            problems.add(TOKENS_KEY + " is not rotated");
        }
        if (!"Retain".equals(key.get("DeletionPolicy")) || !"Retain".equals(key.get("UpdateReplacePolicy"))) {
            problems.add(TOKENS_KEY + " is not kept with the table (Retain)");
        }
        Map<String, String> roles = new HashMap<>();
        functions(template).forEach((name, function) -> roles.put(name, String.valueOf(function.get("Role")).replaceAll("\\.Arn$", "")));
        Map<String, Set<String>> uses = new HashMap<>();
        for (Object each : list(map(properties(key).get("KeyPolicy")).get("Statement"))) {
            Map<String, Object> statement = map(each);
            String principal = String.valueOf(map(statement.get("Principal")).get("AWS")).replaceAll("\\.Arn$", "");
            Set<String> actions = new java.util.TreeSet<>(strings(statement.get("Action")));
            actions.removeIf(action -> !action.matches("kms:(Decrypt|Encrypt|GenerateDataKey.*|ReEncrypt.*|CreateGrant)"));
            if (actions.isEmpty()) {
                continue;
            }
            uses.computeIfAbsent(principal, p -> new java.util.TreeSet<>()).addAll(actions);
            Map<String, Object> condition = map(statement.get("Condition"));
            Map<String, Object> equals = condition == null ? null : map(condition.get("StringEquals"));
            if (equals == null || equals.get(TOKENS_CONTEXT) == null) {
                problems.add(TOKENS_KEY + " lets " + principal + " use it without the tokens' encryption context");
            }
        }
        Map<String, Set<String>> expected = new HashMap<>();
        TOKEN_HOLDERS.forEach((function, actions) -> expected.put(roles.get(function), actions));
        uses.forEach((principal, actions) -> {
            if (!actions.equals(expected.get(principal))) {
                problems.add(TOKENS_KEY + " lets " + principal + " " + actions + ", not " + expected.getOrDefault(principal, Set.of()));
            }
        });
        expected.keySet().stream().filter(role -> !uses.containsKey(role))
                .forEach(role -> problems.add(TOKENS_KEY + " does not let " + role + " open the tokens"));
        functions(template).forEach((name, function) -> {
            Map<String, Object> environment = map(map(function.get("Environment")) == null ? null
                    : map(function.get("Environment")).get("Variables"));
            Object named = environment == null ? null : environment.get("CIMENT_TOKENS_KMS_KEY");
            if (TOKEN_HOLDERS.containsKey(name) && !String.valueOf(named).contains(TOKENS_KEY + ".Arn")) {
                problems.add(name + " is not given " + TOKENS_KEY + " (CIMENT_TOKENS_KMS_KEY)");
            }
            if (!TOKEN_HOLDERS.containsKey(name) && named != null) {
                problems.add(name + " is given " + TOKENS_KEY + ", which only the Slack functions may use");
            }
            String role = roles.get(name);
            Set<String> allowed = itemActions(resources.get(role), "Allow");
            Set<String> refused = itemActions(resources.get(role), "Deny");
            Set<String> mustRefuse = new java.util.TreeSet<>(allowed);
            mustRefuse.retainAll("SlackDeliveryFunction".equals(name) ? WRITE_ACTIONS
                    : "SlackFunction".equals(name) ? Set.of() : ITEM_ACTIONS);
            mustRefuse.removeAll(refused);
            if (!mustRefuse.isEmpty()) {
                problems.add(role + " may " + mustRefuse + " on Slack installations (SLACK#...): deny them by dynamodb:LeadingKeys");
            }
        });
        return problems;
    }

    /** The table's item actions a role's statements of this effect name; a Deny counts when it names SLACK# leading keys. */
    private static Set<String> itemActions(Object role, String effect) {
        Set<String> actions = new java.util.TreeSet<>();
        walk(properties(role), node -> {
            if (!effect.equals(node.get("Effect")) || !String.valueOf(node.get("Resource")).contains("Table.Arn")) {
                return;
            }
            Map<String, Object> condition = map(node.get("Condition"));
            if ("Deny".equals(effect)) {
                Map<String, Object> like = condition == null ? null : map(condition.get("ForAnyValue:StringLike"));
                if (like == null || !strings(like.get("dynamodb:LeadingKeys")).contains("SLACK#*")) {
                    return;
                }
            } else {
                // An Allow for some partitions only (their key patterns) reaches installations if a pattern matches one.
                Map<String, Object> only = condition == null ? null : map(condition.get("ForAllValues:StringLike"));
                if (only != null && strings(only.get("dynamodb:LeadingKeys")).stream().noneMatch(pattern ->
                        "SLACK#T#T0".matches(pattern.replace("?", ".").replace("*", ".*")))) {
                    return;
                }
            }
            strings(node.get("Action")).stream().filter(ITEM_ACTIONS::contains).forEach(actions::add);
        });
        return actions;
    }

    /** Each platform's allow-list: the functions serving or delivering for it get it; its parameter is never empty. */
    private static final Map<String, List<String>> ALLOW_LISTS = Map.of(
            "SlackAllowedWorkspaces", List.of("CIMENT_SLACK_ALLOWED_WORKSPACES", "SlackFunction", "SlackDeliveryFunction"),
            "TeamsAllowedTenants", List.of("CIMENT_TEAMS_ALLOWED_TENANTS", "TeamsFunction", "TeamsDeliveryFunction"));
    /** Values each list's pattern takes, then values it must refuse. */
    private static final Map<String, List<List<String>>> ALLOW_LIST_VALUES = Map.of(
            "SlackAllowedWorkspaces", List.of(List.of("*", "T0123ABCD", "T0123ABCD, T0456EFGH,E0789IJKL"),
                    List.of("", " ", "T0123ABCD,", "T0123ABCD,*", "anyone", "t0123abcd")),
            "TeamsAllowedTenants", List.of(List.of("*", "72f988bf-86f1-41af-91ab-2d7cd011db47",
                            "72F988BF-86F1-41AF-91AB-2D7CD011DB47, 00000000-0000-0000-0000-000000000001"),
                    List.of("", " ", "72f988bf", "72f988bf-86f1-41af-91ab-2d7cd011db47,", "contoso.com")));

    static List<String> allowListProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> parameters = map(template.get("Parameters"));
        ALLOW_LISTS.forEach((parameter, uses) -> {
            Map<String, Object> declared = map(parameters.get(parameter));
            if (declared == null || declared.containsKey("Default")) {
                problems.add(parameter + " is missing or has a default: an administrator must decide");
                return;
            }
            Object pattern = declared.get("AllowedPattern");
            List<List<String>> values = ALLOW_LIST_VALUES.get(parameter);
            if (!(pattern instanceof String regex)) {
                problems.add(parameter + " has no AllowedPattern");
            } else {
                values.get(0).stream().filter(v -> !v.matches(regex))
                        .forEach(v -> problems.add(parameter + "'s pattern refuses '" + v + "'"));
                values.get(1).stream().filter(v -> v.matches(regex))
                        .forEach(v -> problems.add(parameter + "'s pattern takes '" + v + "'"));
            }
            for (String function : uses.subList(1, uses.size())) {
                Map<String, Object> environment = map(map(function(template, function).get("Environment")).get("Variables"));
                if (!parameter.equals(environment.get(uses.get(0)))) {
                    problems.add(function + " does not get " + uses.get(0) + " from " + parameter);
                }
            }
        });
        return problems;
    }

    /** The HTTP API is throttled on every route by parameters whose defaults are set. */
    static List<String> throttlingProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> settings = map(properties(map(template.get("Resources")).get("HttpApi")).get("DefaultRouteSettings"));
        Map<String, Object> parameters = map(template.get("Parameters"));
        for (String limit : List.of("ThrottlingRateLimit", "ThrottlingBurstLimit")) {
            Object parameter = settings == null ? null : settings.get(limit);
            Object fallback = parameter == null || map(parameters.get(parameter)) == null ? null
                    : map(parameters.get(parameter)).get("Default");
            if (!(fallback instanceof Number number) || number.intValue() < 1) {
                problems.add("the HTTP API has no " + limit + " from a parameter with a positive default");
            }
        }
        return problems;
    }

    /**
     * The request functions take a reserved concurrency from a parameter, left out when it is 0: 0 itself would stop
     * the function, and a new account cannot reserve any (Lambda keeps 100 unreserved), so 0 is the default.
     */
    static List<String> reservedConcurrencyProblems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> parameters = map(template.get("Parameters"));
        Map<String, Object> conditions = map(template.get("Conditions"));
        for (String function : List.of("SlackFunction", "TeamsFunction")) {
            Object reserved = function(template, function).get("ReservedConcurrentExecutions");
            if (!(reserved instanceof List<?> when) || when.size() != 3 || !"AWS::NoValue".equals(when.get(2))) {
                problems.add(function + "'s reserved concurrency is not a parameter left out when 0");
                continue;
            }
            Map<String, Object> parameter = map(parameters.get(String.valueOf(when.get(1))));
            String condition = String.valueOf(conditions.get(String.valueOf(when.get(0))));
            if (parameter == null || !Integer.valueOf(0).equals(parameter.get("Default"))
                    || !condition.equals("[[" + when.get(1) + ", 0]]")) {
                problems.add(function + "'s reserved concurrency parameter does not default to 0, left out when 0");
            }
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
        problems.addAll(tokenProblems(template));
        problems.addAll(allowListProblems(template));
        problems.addAll(throttlingProblems(template));
        problems.addAll(reservedConcurrencyProblems(template));
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
            assertEquals(ciment.infra.dynamo.DynamoMirrors.CLAIM_LASTS.toSeconds(), ((Number) timeout).longValue(), function
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

    @Test
    void aRoleThatMayReadSlackInstallations_orAKeyUsableByAnother_orWithoutItsContext_isFound() {
        assertFound(tokenProblems(broken(t -> removeStatement(t, "TeamsRole", "NoSlackInstallations"))),
                "TeamsRole may [dynamodb:BatchGetItem, dynamodb:ConditionCheckItem, dynamodb:DeleteItem, dynamodb:GetItem");
        assertFound(tokenProblems(broken(t -> statement(t, "CostsRole", "NoSlackInstallations")
                .put("Action", List.of("dynamodb:Query")))), "CostsRole may [dynamodb:BatchGetItem, dynamodb:GetItem]");
        assertFound(tokenProblems(broken(t -> map(statement(t, "TeamsDeliveryRole", "NoSlackInstallations").get("Condition"))
                .put("ForAnyValue:StringLike", Map.of("dynamodb:LeadingKeys", List.of("SLACK#T#*"))))), "TeamsDeliveryRole may");
        assertFound(tokenProblems(broken(t -> removeStatement(t, "SlackDeliveryRole", "InstallationsReadOnly"))),
                "SlackDeliveryRole may [dynamodb:UpdateItem]");
        assertFound(tokenProblems(broken(t -> keyStatement(t, "AccountAdministersTheKey").put("Action", List.of("kms:Decrypt")))),
                "lets arn:${AWS::Partition}:iam::${AWS::AccountId}:root [kms:Decrypt]");
        assertFound(tokenProblems(broken(t -> keyStatement(t, "SlackDeliveryFunctionOpensBotTokens")
                .put("Action", List.of("kms:Decrypt", "kms:GenerateDataKey")))), "lets SlackDeliveryRole [kms:Decrypt, kms:GenerateDataKey]");
        assertFound(tokenProblems(broken(t -> keyStatement(t, "SlackFunctionSealsAndOpensBotTokens").remove("Condition"))),
                "lets SlackRole use it without the tokens' encryption context");
        assertFound(tokenProblems(broken(t -> properties(map(t.get("Resources")).get(TOKENS_KEY)).put("EnableKeyRotation", false))),
                "TokensKey is not rotated");
        assertFound(tokenProblems(broken(t -> map(function(t, "SlackDeliveryFunction").get("Environment")).put("Variables",
                new LinkedHashMap<>()))), "SlackDeliveryFunction is not given TokensKey");
        assertFound(tokenProblems(broken(t -> map(map(t.get("Resources")).get(TOKENS_KEY)).remove("DeletionPolicy"))),
                "TokensKey is not kept with the table");
    }

    private static Map<String, Object> statement(Map<String, Object> template, String role, String sid) {
        List<Map<String, Object>> found = new ArrayList<>();
        walk(properties(map(template.get("Resources")).get(role)), node -> {
            if (sid.equals(node.get("Sid"))) {
                found.add(node);
            }
        });
        return found.getFirst();
    }

    private static void removeStatement(Map<String, Object> template, String role, String sid) {
        walk(properties(map(template.get("Resources")).get(role)), node -> {
            if (node.get("Statement") instanceof List<?> statements) {
                statements.removeIf(each -> each instanceof Map<?, ?> statement && sid.equals(statement.get("Sid")));
            }
        });
    }

    private static Map<String, Object> keyStatement(Map<String, Object> template, String sid) {
        return statement(template, TOKENS_KEY, sid);
    }

    @Test
    void anAllowListWithADefault_aLaxPattern_orMissingFromADeliveryFunction_isFound() {
        assertFound(allowListProblems(broken(t -> map(map(t.get("Parameters")).get("SlackAllowedWorkspaces"))
                .put("Default", ""))), "SlackAllowedWorkspaces is missing or has a default");
        assertFound(allowListProblems(broken(t -> map(map(t.get("Parameters")).get("TeamsAllowedTenants"))
                .put("AllowedPattern", ".*"))), "TeamsAllowedTenants's pattern takes ''");
        assertFound(allowListProblems(broken(t -> map(map(function(t, "SlackDeliveryFunction").get("Environment"))
                .get("Variables")).remove("CIMENT_SLACK_ALLOWED_WORKSPACES"))), "SlackDeliveryFunction does not get");
        assertFound(allowListProblems(broken(t -> map(map(function(t, "TeamsDeliveryFunction").get("Environment"))
                .get("Variables")).remove("CIMENT_TEAMS_ALLOWED_TENANTS"))), "TeamsDeliveryFunction does not get");
    }

    @Test
    void anUnthrottledApi_isFound() {
        assertFound(throttlingProblems(broken(t -> properties(map(t.get("Resources")).get("HttpApi"))
                .remove("DefaultRouteSettings"))), "no ThrottlingRateLimit");
        assertFound(throttlingProblems(broken(t -> map(map(t.get("Parameters")).get("ApiThrottlingBurstLimit"))
                .remove("Default"))), "no ThrottlingBurstLimit");
    }

    @Test
    void aReservedConcurrencyOfZero_orNoneAtAll_isFound() {
        assertFound(reservedConcurrencyProblems(broken(t -> function(t, "SlackFunction")
                .put("ReservedConcurrentExecutions", 0))), "SlackFunction's reserved concurrency is not a parameter");
        assertFound(reservedConcurrencyProblems(broken(t -> function(t, "TeamsFunction")
                .remove("ReservedConcurrentExecutions"))), "TeamsFunction's reserved concurrency is not a parameter");
        assertFound(reservedConcurrencyProblems(broken(t -> map(map(t.get("Parameters")).get("TeamsReservedConcurrency"))
                .put("Default", 10))), "TeamsFunction's reserved concurrency parameter does not default to 0");
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

    private static List<Object> list(Object value) {
        return value instanceof List<?> items ? new ArrayList<>(items) : List.of();
    }

    /** An action or resource list as strings, whether written as one value or a list. */
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (value instanceof Collection<?> many ? many : List.of(value)).stream()
                .map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
