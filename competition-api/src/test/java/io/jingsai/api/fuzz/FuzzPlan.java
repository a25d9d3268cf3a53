package io.jingsai.api.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.jingsai.api.fuzz.ApiDocument.Operation;

/**
 * All requests of a run, in order, from the document, the fixtures and the seed: each operation's generated cases
 * (public operations' all sent anonymously too, others' a random share), the hand-written families on the
 * document's paths, shuffled. The same inputs give the same list.
 */
final class FuzzPlan {

    private static final double ANONYMOUS_SHARE = 0.15;
    private static final int ODD_PATHS_PER_PATH = 8;
    private static final int ODD_METHODS_PER_PATH = 3;
    private static final int CREDENTIAL_TARGETS = 3;

    private final ApiDocument document;
    private final Fixtures fixtures;
    private final Set<String> publicOperations;
    private final int bodyCases;
    private final int otherCases;

    /**
     * @param bodyCases  cases drawn per operation with a JSON body
     * @param otherCases cases drawn per operation without one
     */
    FuzzPlan(ApiDocument document, Fixtures fixtures, Set<String> publicOperations, int bodyCases, int otherCases) {
        this.document = document;
        this.fixtures = fixtures;
        this.publicOperations = publicOperations;
        this.bodyCases = bodyCases;
        this.otherCases = otherCases;
    }

    List<FuzzRequest> requests(long seed) {
        Random random = new Random(seed);
        List<FuzzRequest> requests = new ArrayList<>();
        Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
        Map<String, String> templates = new LinkedHashMap<>();
        List<String> protectedReads = new ArrayList<>();
        for (Operation operation : document.operations()) {
            String target = DocumentCases.baseTarget(document, fixtures, operation);
            methodsByPath.computeIfAbsent(target.split("\\?")[0], t -> new TreeSet<>()).add(operation.method());
            templates.put(target.split("\\?")[0], operation.path());
            boolean isPublic = publicOperations.contains(operation.label());
            if (operation.method().equals("GET") && !isPublic) {
                protectedReads.add(target);
            }
            List<FuzzRequest> cases = new ArrayList<>(DocumentCases.generate(document, fixtures, operation, random,
                    operation.hasJsonBody() ? bodyCases : otherCases));
            if (operation.isUpload()) {
                cases.addAll(HandWrittenCases.uploads(operation, target));
            }
            withAnonymous(cases, isPublic, random, requests);
        }
        List<FuzzRequest> handWritten = new ArrayList<>();
        handWritten.addAll(HandWrittenCases.oddPaths(templates, random, ODD_PATHS_PER_PATH));
        handWritten.addAll(HandWrittenCases.oddMethods(methodsByPath, templates, random, ODD_METHODS_PER_PATH));
        Collections.shuffle(protectedReads, random);
        handWritten.addAll(HandWrittenCases.credentials(
                protectedReads.subList(0, Math.min(CREDENTIAL_TARGETS, protectedReads.size()))));
        handWritten.addAll(HandWrittenCases.hosts("/api/no-such-resource"));
        withAnonymous(handWritten, false, random, requests);
        Collections.shuffle(requests, random);
        return mayChangeDataLast(requests);
    }

    /** Adds each request, and an anonymous copy of it for public operations and a random share of the others. */
    private static void withAnonymous(List<FuzzRequest> cases, boolean isPublic, Random random,
                                      List<FuzzRequest> requests) {
        for (FuzzRequest request : cases) {
            requests.add(request);
            if (request.signedIn() && (isPublic || random.nextDouble() < ANONYMOUS_SHARE)) {
                requests.add(request.anonymous());
            }
        }
    }

    /**
     * Requests that may rightly succeed and change data go last, so that the batches before them accept no change
     * unless the server accepts bad input: there, any row written is a rejected request's, and is found at once.
     */
    private static List<FuzzRequest> mayChangeDataLast(List<FuzzRequest> requests) {
        List<FuzzRequest> ordered = new ArrayList<>(requests.stream()
                .filter(r -> r.mustReject() || !r.changesData()).toList());
        ordered.addAll(requests.stream().filter(r -> !r.mustReject() && r.changesData()).toList());
        return ordered;
    }

    /** What identifies each request, to compare two plans (placeholders, not fresh values, are in bodies). */
    static List<String> signature(List<FuzzRequest> requests) {
        return requests.stream().map(r -> String.join(" | ", r.operation(), r.kind(), r.detail(), r.method(),
                r.target(), String.valueOf(r.signedIn()), r.headers().toString(),
                r.body() == null ? "" : Integer.toHexString(Arrays.hashCode(r.body())))).toList();
    }

    /** The requests whose "operation kind detail" matches {@code regex} (all when it is blank). */
    static List<FuzzRequest> only(List<FuzzRequest> requests, String regex) {
        if (regex == null || regex.isBlank()) {
            return requests;
        }
        Pattern pattern = Pattern.compile(regex);
        return requests.stream()
                .filter(r -> pattern.matcher(r.operation() + " " + r.kind() + " " + r.detail()).find()).toList();
    }
}
