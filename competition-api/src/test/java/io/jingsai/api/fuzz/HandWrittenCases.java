package io.jingsai.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.jingsai.api.fuzz.ApiDocument.Operation;
import io.jingsai.api.fuzz.FuzzRequest.Header;

/**
 * What the document cannot express, written by hand but applied to the document's own paths: broken multipart
 * uploads, odd request targets (encoded dot segments and slashes, NUL, matrix parameters, broken escapes,
 * unencoded non-ASCII), odd methods, and broken credentials. Targets that java.net.http would refuse or rewrite go
 * over a raw socket.
 */
final class HandWrittenCases {

    private static final String ODD_PATHS = "odd path";
    private static final String ODD_METHODS = "odd method";
    private static final String CREDENTIALS = "credentials";

    /** Ways to spoil a concrete path; each keeps the rest of the request valid. */
    private static final Map<String, UnaryOperator<String>> PATH_SPOILERS = pathSpoilers();
    /** Spoilers a server may well ignore (a fragment, empty query pairs): a success is no sign of a bad rule. */
    private static final Set<String> HARMLESS = Set.of("path:fragment", "query:empty-pairs");

    private HandWrittenCases() {
    }

    static List<FuzzRequest> uploads(Operation upload, String target) {
        List<FuzzRequest> cases = new ArrayList<>();
        String b = Multipart.BOUNDARY;
        String file = Multipart.filePart("file", "enterprises.csv", Multipart.EMPTY_CSV);
        Map<String, Object[]> bodies = new LinkedHashMap<>();
        bodies.put("multipart:no-boundary", new Object[] {"multipart/form-data", file + "--" + b + "--\r\n"});
        bodies.put("multipart:no-closing-boundary", new Object[] {"multipart/form-data; boundary=" + b, file});
        bodies.put("multipart:truncated-part", new Object[] {"multipart/form-data; boundary=" + b,
                "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"});
        bodies.put("multipart:wrong-boundary", new Object[] {"multipart/form-data; boundary=other", file
                + "--" + b + "--\r\n"});
        bodies.put("multipart:empty-body", new Object[] {"multipart/form-data; boundary=" + b, ""});
        bodies.put("multipart:only-closing-boundary", new Object[] {"multipart/form-data; boundary=" + b,
                "--" + b + "--\r\n"});
        bodies.put("multipart:file-as-plain-field", new Object[] {"multipart/form-data; boundary=" + b,
                Multipart.fieldPart("file", Multipart.EMPTY_CSV) + "--" + b + "--\r\n"});
        bodies.put("multipart:no-file-part", new Object[] {"multipart/form-data; boundary=" + b,
                Multipart.fieldPart("other", "x") + "--" + b + "--\r\n"});
        bodies.put("multipart:file-name-300-chars", new Object[] {"multipart/form-data; boundary=" + b,
                Multipart.filePart("file", "x".repeat(296) + ".csv", Multipart.EMPTY_CSV) + "--" + b + "--\r\n"});
        bodies.put("multipart:file-name-nul", new Object[] {"multipart/form-data; boundary=" + b,
                Multipart.filePart("file", "a\u0000b.csv", Multipart.EMPTY_CSV) + "--" + b + "--\r\n"});
        bodies.put("multipart:file-name-traversal", new Object[] {"multipart/form-data; boundary=" + b,
                Multipart.filePart("file", "../../../etc/passwd.csv", Multipart.EMPTY_CSV) + "--" + b + "--\r\n"});
        bodies.put("multipart:file-name-empty", new Object[] {"multipart/form-data; boundary=" + b,
                Multipart.filePart("file", "", Multipart.EMPTY_CSV) + "--" + b + "--\r\n"});
        bodies.put("multipart:file-name-not-a-sheet", new Object[] {"multipart/form-data; boundary=" + b,
                Multipart.filePart("file", "run.exe", Multipart.EMPTY_CSV) + "--" + b + "--\r\n"});
        bodies.put("multipart:two-files", new Object[] {"multipart/form-data; boundary=" + b,
                file + file + "--" + b + "--\r\n"});
        bodies.put("multipart:part-without-headers", new Object[] {"multipart/form-data; boundary=" + b,
                "--" + b + "\r\n\r\nx\r\n--" + b + "--\r\n"});
        bodies.put("multipart:boundary-too-long", new Object[] {"multipart/form-data; boundary=" + "b".repeat(100),
                "--" + "b".repeat(100) + "--\r\n"});
        bodies.forEach((kind, typeAndBody) -> cases.add(new FuzzRequest(upload.label(), kind,
                "Content-Type: " + typeAndBody[0], upload.method(), target,
                List.of(new Header("Content-Type", (String) typeAndBody[0])),
                Multipart.bytes((String) typeAndBody[1]), true, false, null, true)));
        cases.add(new FuzzRequest(upload.label(), "multipart:invalid-utf8-file-name", "filename bytes ED A0 80",
                upload.method(), target, List.of(new Header("Content-Type", "multipart/form-data; boundary=" + b)),
                Multipart.concat(Multipart.bytes("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; "
                                + "filename=\"a"), BadValues.LONE_SURROGATE_UTF8,
                        Multipart.bytes(".csv\"\r\nContent-Type: text/csv\r\n\r\n" + Multipart.EMPTY_CSV + "\r\n--" + b
                                + "--\r\n")), true, false, null, true));
        return cases;
    }

    /** Each path spoiled a few ways (drawn with the seed), and a few targets that belong to no operation. */
    static List<FuzzRequest> oddPaths(Map<String, String> templates, Random random, int perPath) {
        List<FuzzRequest> cases = new ArrayList<>();
        List<String> spoilers = new ArrayList<>(PATH_SPOILERS.keySet());
        templates.forEach((path, template) -> {
            Collections.shuffle(spoilers, random);
            for (String kind : spoilers.subList(0, Math.min(perPath, spoilers.size()))) {
                String target = PATH_SPOILERS.get(kind).apply(path);
                cases.add(raw(ODD_PATHS + " on " + template, kind, "GET", target, List.of(), null,
                        !HARMLESS.contains(kind)));
            }
        });
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("target:root", "/");
        targets.put("target:api-root", "/api/");
        targets.put("target:no-such-resource", "/api/no-such-resource");
        targets.put("target:no-such-path", "/no-such-resource");
        targets.put("target:encoded-traversal", "/%2e%2e/%2e%2e/etc/passwd");
        targets.put("target:encoded-slash-traversal", "/..%2f..%2fetc%2fpasswd");
        targets.put("target:nul-extension", "/api/reference/trades%00.json");
        targets.put("target:matrix-on-public", "/swagger-ui.html;x=1");
        targets.put("target:matrix-on-health", "/actuator/health;x=1");
        targets.put("target:slash-traversal-to-metrics", "/actuator/health%2F..%2Fprometheus");
        targets.put("target:asterisk-form", "*");
        targets.put("target:absolute-form", "http://localhost/api/reference/aspects");
        targets.forEach((kind, target) -> cases.add(raw(ODD_PATHS + " on " + target, kind, "GET", target, List.of(),
                null,
                !kind.equals("target:root") && !kind.equals("target:absolute-form"))));
        return cases;
    }

    private static Map<String, UnaryOperator<String>> pathSpoilers() {
        Map<String, UnaryOperator<String>> spoilers = new LinkedHashMap<>();
        spoilers.put("path:encoded-dot-dot", p -> p + "/%2e%2e");
        spoilers.put("path:encoded-dot-dot-inside", p -> insertBeforeLastSegment(p, "%2e%2e/"));
        spoilers.put("path:dot-dot-semicolon", p -> insertBeforeLastSegment(p, "..;/"));
        spoilers.put("path:plain-dot-dot", p -> p + "/../" + lastSegment(p));
        spoilers.put("path:dot-segment", p -> insertBeforeLastSegment(p, "./"));
        spoilers.put("path:encoded-slash", p -> replaceLastSlash(p, "%2F"));
        spoilers.put("path:encoded-backslash", p -> replaceLastSlash(p, "%5C"));
        spoilers.put("path:nul", p -> p + "%00");
        spoilers.put("path:nul-inside", p -> replaceLastSlash(p, "/%00"));
        spoilers.put("path:semicolon", p -> p + ";");
        spoilers.put("path:matrix-parameter", p -> p + ";jsessionid=1");
        spoilers.put("path:broken-escape", p -> p + "/%zz");
        spoilers.put("path:lone-percent", p -> p + "%");
        spoilers.put("path:double-slash", p -> p.replaceFirst("/api/", "/api//"));
        spoilers.put("path:trailing-slash", p -> p + "/");
        spoilers.put("path:unencoded-chinese", p -> p + "/郑");
        spoilers.put("path:encoded-invalid-utf8", p -> p + "/%ED%A0%80");
        spoilers.put("path:upper-case", p -> p.toUpperCase(java.util.Locale.ROOT));
        spoilers.put("path:over-4kb", p -> p + "/" + "a".repeat(5_000));
        spoilers.put("path:encoded-control", p -> p + "%07");
        spoilers.put("path:space", p -> p + "%20");
        spoilers.put("path:fragment", p -> p + "#x");
        spoilers.put("query:unencoded-chinese", p -> p + "?q=郑");
        spoilers.put("query:broken-escape", p -> p + "?q=%zz");
        spoilers.put("query:lone-percent", p -> p + "?%");
        spoilers.put("query:truncated-utf8", p -> p + "?q=%E9");
        spoilers.put("query:nul-name", p -> p + "?%00=1");
        spoilers.put("query:empty-pairs", p -> p + "?&&=&");
        spoilers.put("query:encoded-comma-sort", p -> p + "?sort=%2C");
        return spoilers;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String insertBeforeLastSegment(String path, String insert) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + insert + path.substring(slash + 1);
    }

    private static String replaceLastSlash(String path, String replacement) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? path + replacement : path.substring(0, slash) + replacement + path.substring(slash + 1);
    }

    /**
     * Methods no operation has: WebDAV and TRACE, unknown tokens, lower case, and the document's own methods on
     * paths that do not declare them.
     */
    static List<FuzzRequest> oddMethods(Map<String, Set<String>> methodsByPath, Map<String, String> templates,
                                        Random random, int perPath) {
        List<FuzzRequest> cases = new ArrayList<>();
        List<String> odd = List.of("TRACE", "PROPFIND", "PATCH", "MKCOL", "FOO", "get", "CONNECT", "OPTIONS", "HEAD");
        List<String> standard = List.of("GET", "POST", "PUT", "DELETE");
        methodsByPath.forEach((path, declared) -> {
            Set<String> chosen = new LinkedHashSet<>();
            standard.stream().filter(m -> !declared.contains(m)).forEach(chosen::add);
            List<String> shuffled = new ArrayList<>(odd);
            Collections.shuffle(shuffled, random);
            chosen.addAll(shuffled.subList(0, Math.min(perPath, shuffled.size())));
            for (String method : chosen) {
                boolean mayWork = method.equals("OPTIONS") || method.equals("HEAD") && declared.contains("GET");
                byte[] body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                        ? "{}".getBytes(StandardCharsets.UTF_8) : null;
                List<Header> headers = body == null ? List.of()
                        : List.of(new Header("Content-Type", "application/json"));
                cases.add(raw(ODD_METHODS + " on " + templates.get(path), "method:" + method, method, path, headers,
                        body, !mayWork));
            }
        });
        return cases;
    }

    /** Credentials that are wrong, malformed or of another scheme, on protected operations. */
    static List<FuzzRequest> credentials(List<String> protectedTargets) {
        Base64.Encoder base64 = Base64.getEncoder();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("auth:wrong-password", "Basic " + base64.encodeToString(
                "admin:wrong-password".getBytes(StandardCharsets.UTF_8)));
        values.put("auth:unknown-user", "Basic " + base64.encodeToString(
                "nobody:x".getBytes(StandardCharsets.UTF_8)));
        values.put("auth:not-base64", "Basic !!!");
        values.put("auth:no-colon", "Basic " + base64.encodeToString("admin".getBytes(StandardCharsets.UTF_8)));
        values.put("auth:invalid-utf8", "Basic " + base64.encodeToString(
                Multipart.concat("admin:".getBytes(StandardCharsets.UTF_8), BadValues.LONE_SURROGATE_UTF8)));
        values.put("auth:empty-basic", "Basic");
        values.put("auth:bearer", "Bearer abc.def.ghi");
        values.put("auth:digest", "Digest username=\"admin\"");
        values.put("auth:empty", "");
        List<FuzzRequest> cases = new ArrayList<>();
        for (String target : protectedTargets) {
            values.forEach((kind, value) -> cases.add(new FuzzRequest(CREDENTIALS + " on " + target, kind,
                    "Authorization: " + value,
                    "GET", target, List.of(new Header("Authorization", value)), null, false, false, null, true)));
        }
        return cases;
    }

    /** Host headers that do not make a URL, and one of another site, on a target that does not exist (404). */
    static List<FuzzRequest> hosts(String target) {
        List<FuzzRequest> cases = new ArrayList<>();
        for (String host : List.of("bad host", "[::1", "localhost:99999", "evil.example%00", "evil.example")) {
            cases.add(new FuzzRequest("Host header on " + target, "host:" + host.replaceAll("[^a-z:\\[%0-9]", "_"), "Host: " + host,
                    "GET", target, List.of(new Header("Host", host)), null, true, true, null, true));
        }
        return cases;
    }

    private static FuzzRequest raw(String family, String kind, String method, String target, List<Header> headers,
                                   byte[] body, boolean mustReject) {
        return new FuzzRequest(family, kind, Printable.of(target, 120), method, target, headers, body, true, true,
                null, mustReject);
    }
}
