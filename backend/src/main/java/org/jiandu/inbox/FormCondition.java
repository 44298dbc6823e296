package org.jiandu.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The condition of a Camunda Form component ({@code "conditional": {"hide": "=..."}}), evaluated on the
 * server as form-js evaluates it in Tasklist, so that a field required only when shown (理由 when 不予受理)
 * is checked by the same rule on every path. Our forms use a small part of FEEL: comparisons of a field
 * with a literal ({@code =}, {@code !=}), {@code and}, {@code or}, {@code not(...)} and parentheses; a form
 * with anything else fails to load (every form is parsed in a test), so the server never guesses.
 * Values are compared as text ({@code false} equals {@code "false"}), since a radio submits text in
 * Tasklist and a JSON boolean through the API.
 */
@FunctionalInterface
interface FormCondition {

    FormCondition NEVER = values -> false;

    boolean test(Map<String, Object> values);

    default FormCondition or(FormCondition other) {
        if (this == NEVER) {
            return other;
        }
        if (other == NEVER) {
            return this;
        }
        return values -> test(values) || other.test(values);
    }

    /** Parses a FEEL hide expression ({@code =a != "X"}); null or blank: never hidden. */
    static FormCondition parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return NEVER;
        }
        String feel = expression.strip();
        if (!feel.startsWith("=")) {
            throw new IllegalArgumentException("Not a FEEL expression (must start with '='): " + expression);
        }
        Parser parser = new Parser(feel.substring(1), expression);
        FormCondition condition = parser.disjunction();
        parser.expectEnd();
        return condition;
    }

    /** A recursive-descent parser of the FEEL subset above. */
    final class Parser {

        private static final Pattern TOKEN = Pattern.compile(
                "\\s*(\\(|\\)|!=|=|\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_][A-Za-z0-9_]*|-?\\d+(?:\\.\\d+)?)");

        private final List<String> tokens = new ArrayList<>();
        private final String source;
        private int position;

        Parser(String text, String source) {
            this.source = source;
            Matcher matcher = TOKEN.matcher(text);
            int end = 0;
            while (matcher.find() && matcher.start() == end) {
                tokens.add(matcher.group(1));
                end = matcher.end();
            }
            if (!text.substring(end).isBlank()) {
                throw unsupported();
            }
        }

        FormCondition disjunction() {
            FormCondition left = conjunction();
            while ("or".equals(peek())) {
                position++;
                FormCondition first = left;
                FormCondition second = conjunction();
                left = values -> first.test(values) || second.test(values);
            }
            return left;
        }

        private FormCondition conjunction() {
            FormCondition left = comparison();
            while ("and".equals(peek())) {
                position++;
                FormCondition first = left;
                FormCondition second = comparison();
                left = values -> first.test(values) && second.test(values);
            }
            return left;
        }

        private FormCondition comparison() {
            String token = next();
            if ("(".equals(token)) {
                FormCondition inner = disjunction();
                expect(")");
                return inner;
            }
            if ("not".equals(token)) {
                expect("(");
                FormCondition inner = disjunction();
                expect(")");
                return values -> !inner.test(values);
            }
            if (!token.matches("[A-Za-z_][A-Za-z0-9_]*") || List.of("and", "or", "true", "false", "null").contains(token)) {
                throw unsupported();
            }
            String field = token;
            String operator = next();
            if (!"=".equals(operator) && !"!=".equals(operator)) {
                throw unsupported();
            }
            String literal = literal(next());
            boolean equal = "=".equals(operator);
            return values -> {
                Object value = values.get(field);
                boolean same = literal == null
                        ? value == null || value.toString().isBlank()
                        : value != null && literal.equals(value.toString());
                return equal == same;
            };
        }

        private String literal(String token) {
            if (token.startsWith("\"")) {
                return token.substring(1, token.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            if ("null".equals(token)) {
                return null;
            }
            if ("true".equals(token) || "false".equals(token) || token.matches("-?\\d+(?:\\.\\d+)?")) {
                return token;
            }
            throw unsupported();
        }

        void expectEnd() {
            if (position != tokens.size()) {
                throw unsupported();
            }
        }

        private void expect(String token) {
            if (!token.equals(next())) {
                throw unsupported();
            }
        }

        private String peek() {
            return position < tokens.size() ? tokens.get(position) : null;
        }

        private String next() {
            if (position >= tokens.size()) {
                throw unsupported();
            }
            return tokens.get(position++);
        }

        private IllegalArgumentException unsupported() {
            return new IllegalArgumentException("Form condition outside the supported FEEL subset: " + source);
        }
    }
}
