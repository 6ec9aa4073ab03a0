package footprint.io.scenario;

import footprint.io.ParsedTree;
import footprint.io.Tree;
import footprint.model.FieldCatalogue;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import footprint.model.check.SafeText;
import footprint.model.check.Spelling;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a scenario (a document with {@code extends}) and resolves it into the document of the
 * model it describes: the base model (itself possibly a scenario) with the changes applied in
 * order. Values set by the scenario keep the scenario's file and lines, so problems in them point
 * at the scenario; values from the base point at the base.
 */
public final class ScenarioReader {
    /** Scenarios extending scenarios deeper than this are refused. */
    public static final int MAX_CHAIN = 20;

    private static final List<String> VERBS = List.of("set", "add", "remove", "force", "forbid");

    private ScenarioReader() {}

    /** Whether a document is a scenario: a mapping with {@code extends}. */
    public static boolean isScenario(Tree root) {
        return root instanceof Tree.Mapping m && m.get("extends").isPresent();
    }

    /**
     * The resolved document of a scenario.
     *
     * @param file the scenario's file (its folder resolves {@code extends})
     * @param parseFile reads a base file into a document (with refusals as problems)
     * @param chain the files already being resolved (to refuse cycles)
     */
    public static ParsedTree resolve(Tree root, String file, Function<Path, ParsedTree> parseFile, Set<Path> chain) {
        try {
            return resolveChain(root, file, parseFile, chain);
        } catch (ChainTooDeep e) {
            // one problem, at the scenario given, not one "cannot be read" per scenario of the chain
            return ParsedTree.failed(Problem.at(
                    ProblemCode.BAD_BASE,
                    extendsAt(root),
                    "extends",
                    "scenarios extend each other more than " + MAX_CHAIN + " deep (the base of " + e.deepest
                            + " is scenario number " + (MAX_CHAIN + 1) + " in this chain); let a scenario extend"
                            + " the model or a scenario nearer to it."));
        }
    }

    /** A chain of scenarios deeper than {@link #MAX_CHAIN}, met at {@code deepest}. */
    private static final class ChainTooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String deepest;

        ChainTooDeep(String deepest) {
            super(deepest, null, false, false);
            this.deepest = deepest;
        }
    }

    private static ParsedTree resolveChain(
            Tree root, String file, Function<Path, ParsedTree> parseFile, Set<Path> chain) {
        List<Problem> problems = new ArrayList<>();
        Optional<Scenario> scenario = parse(root, file, problems);
        if (scenario.isEmpty()) {
            return new ParsedTree(Optional.empty(), problems);
        }
        Scenario s = scenario.get();
        Location extendsAt = extendsAt(root);
        Optional<Path> basePath = absolute(s.base());
        Optional<Path> self = absolute(file);
        if (basePath.isEmpty() || self.isEmpty()) {
            problems.add(Problem.at(
                    ProblemCode.BAD_BASE,
                    extendsAt,
                    "extends",
                    "extends names " + SafeText.quote(s.base()) + ", which is not a file path this system can open."));
            return new ParsedTree(Optional.empty(), problems);
        }
        Set<Path> next = new HashSet<>(chain);
        next.add(self.get());
        if (next.contains(basePath.get())) {
            problems.add(Problem.at(
                    ProblemCode.BAD_BASE,
                    extendsAt,
                    "extends",
                    "extending " + s.base() + " makes a cycle: it extends this scenario back."));
            return new ParsedTree(Optional.empty(), problems);
        }
        if (next.size() > MAX_CHAIN) {
            throw new ChainTooDeep(file);
        }
        ParsedTree base = parseFile.apply(basePath.get());
        if (base.tree().isPresent() && isScenario(base.tree().get())) {
            base = resolveChain(base.tree().get(), basePath.get().toString(), parseFile, next);
        }
        if (base.tree().isEmpty()) {
            problems.add(Problem.at(
                    ProblemCode.BAD_BASE,
                    extendsAt,
                    "extends",
                    "the base model " + s.base() + " cannot be read; its problems follow."));
            problems.addAll(base.problems());
            return new ParsedTree(Optional.empty(), problems);
        }
        if (!(base.tree().get() instanceof Tree.Mapping)) {
            Tree not = base.tree().get();
            problems.add(Problem.at(
                    ProblemCode.BAD_BASE,
                    extendsAt,
                    "extends",
                    "the base " + s.base() + " is not a model: it holds " + describe(not)
                            + ", where a model is a mapping of fields starting with footprint: 1."));
            return new ParsedTree(Optional.empty(), problems);
        }
        problems.addAll(base.problems());
        ParsedTree applied = apply(base.tree().get(), s, problems);
        List<ParsedTree.Changed> changes = new ArrayList<>(base.changes());
        changes.addAll(applied.changes());
        return new ParsedTree(applied.tree(), applied.problems(), changes);
    }

    /** A node that should have been a model, in a few words: a list, or text and how it begins. */
    public static String describe(Tree node) {
        if (node instanceof Tree.Scalar sc) {
            return sc.isNull() ? "nothing" : "only the text " + SafeText.quote(sc.text());
        }
        return node.kind();
    }

    /** Where a scenario's extends is written (the document's start when it has none). */
    private static Location extendsAt(Tree root) {
        if (root instanceof Tree.Mapping m) {
            return m.get("extends").map(Tree::location).orElse(m.location());
        }
        return root.location();
    }

    /** The absolute, normal form of a file name, or empty when it is not a path this system accepts. */
    private static Optional<Path> absolute(String file) {
        try {
            return Optional.of(Path.of(file).toAbsolutePath().normalize());
        } catch (InvalidPathException | java.io.IOError | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The base document with the scenario's changes applied, in order; failures are problems. */
    public static ParsedTree apply(Tree base, Scenario s, List<Problem> problems) {
        Tree doc = base;
        List<ParsedTree.Changed> applied = new ArrayList<>();
        for (Change c : s.changes()) {
            TreePath path;
            try {
                path = TreePath.parse(c.path());
            } catch (IllegalArgumentException e) {
                problems.add(Problem.at(ProblemCode.BAD_CHANGE, c.location(), "changes", e.getMessage() + "."));
                continue;
            }
            TreePath.Outcome outcome = path.edit(doc, edit(c));
            if (outcome.tree().isPresent()) {
                doc = outcome.tree().get();
                List<String> keys = new ArrayList<>(path.keys());
                if (c instanceof Change.Add add && add.id().isPresent()) {
                    keys.add(add.id().get());
                }
                applied.add(new ParsedTree.Changed(keys, c.location(), c.describe()));
            } else {
                problems.add(Problem.at(
                        ProblemCode.BAD_CHANGE,
                        c.location(),
                        "changes",
                        "cannot " + c.describe() + ": " + outcome.problem()
                                + (outcome.problem().endsWith("?") ? "" : ".")));
            }
        }
        doc = setTop(doc, "name", s.name());
        doc = setTop(doc, "description", s.description());
        return new ParsedTree(Optional.of(doc), problems, applied);
    }

    private static Tree setTop(Tree doc, String key, Optional<String> value) {
        if (value.isEmpty() || !(doc instanceof Tree.Mapping m)) {
            return doc;
        }
        Tree.Scalar v = new Tree.Scalar(m.location(), value.get(), false);
        return TreePath.parse(key)
                .edit(doc, cur -> TreePath.Result.replace(v))
                .tree()
                .orElse(doc);
    }

    private static TreePath.Edit edit(Change c) {
        if (c instanceof Change.Set set) {
            return current -> TreePath.Result.replace(set.value());
        }
        if (c instanceof Change.Remove) {
            return current -> current.isPresent()
                    ? TreePath.Result.remove()
                    : TreePath.Result.fail("there is nothing" + " there to remove");
        }
        Change.Add add = (Change.Add) c;
        return current -> {
            if (current.isEmpty()) {
                // adding to a collection the base does not have yet: create it
                if (add.id().isPresent()) {
                    Tree.Scalar key = new Tree.Scalar(add.location(), add.id().get(), true);
                    return TreePath.Result.replace(
                            new Tree.Mapping(add.location(), List.of(new Tree.Entry(key, add.value()))));
                }
                return TreePath.Result.replace(new Tree.Sequence(add.location(), List.of(add.value())));
            }
            Tree target = current.get();
            if (target instanceof Tree.Sequence seq) {
                if (add.id().isPresent()) {
                    return TreePath.Result.fail(add.path() + " is a list: give the item's id inside value, not as id");
                }
                List<Tree> items = new ArrayList<>(seq.items());
                items.add(add.value());
                return TreePath.Result.replace(new Tree.Sequence(seq.location(), items));
            }
            if (target instanceof Tree.Mapping map) {
                if (add.id().isEmpty()) {
                    return TreePath.Result.fail(add.path() + " is a mapping of ids: give the new entry's id");
                }
                if (map.get(add.id().get()).isPresent()) {
                    return TreePath.Result.fail(
                            add.path() + " already has '" + add.id().get() + "'; use set to change" + " it");
                }
                List<Tree.Entry> entries = new ArrayList<>(map.entries());
                entries.add(
                        new Tree.Entry(new Tree.Scalar(add.location(), add.id().get(), true), add.value()));
                return TreePath.Result.replace(new Tree.Mapping(map.location(), entries));
            }
            return TreePath.Result.fail(add.path() + " is a single value; use set to change it");
        };
    }

    // ---- reading the scenario itself ------------------------------------------------------------

    /** The scenario a document describes; its problems go to {@code problems}. */
    public static Optional<Scenario> parse(Tree root, String file, List<Problem> problems) {
        if (!(root instanceof Tree.Mapping top)) {
            problems.add(Problem.at(
                    ProblemCode.WRONG_TYPE,
                    root.location(),
                    "",
                    "a scenario is a mapping with extends: (the model it changes) and changes:, not " + root.kind()
                            + "."));
            return Optional.empty();
        }
        checkKeys(top, "", FieldCatalogue.section("scenario"), problems);
        top.get("footprint").ifPresent(v -> {
            if (!(v instanceof Tree.Scalar s && s.text().strip().equals("1"))) {
                problems.add(Problem.at(
                        ProblemCode.FORMAT_VERSION,
                        v.location(),
                        "footprint",
                        "this reader knows format" + " version 1; write footprint: 1."));
            }
        });
        Optional<String> base = text(top, "extends", "extends", problems);
        Optional<String> name = text(top, "name", "name", problems);
        Optional<String> description = text(top, "description", "description", problems);
        Optional<String> source = text(top, "source", "source", problems);
        List<Change> changes = new ArrayList<>();
        Optional<Tree> list = top.get("changes");
        if (list.isPresent()) {
            if (list.get() instanceof Tree.Sequence seq) {
                for (int i = 0; i < seq.items().size(); i++) {
                    change(seq.items().get(i), "changes[" + (i + 1) + "]", source, problems)
                            .ifPresent(changes::add);
                }
            } else if (!(list.get() instanceof Tree.Scalar sc && sc.isNull())) {
                problems.add(Problem.at(
                        ProblemCode.WRONG_TYPE,
                        list.get().location(),
                        "changes",
                        "changes is a list of" + " changes (lines starting with '- ')."));
            }
        }
        if (base.isEmpty()) {
            return Optional.empty();
        }
        String resolved;
        try {
            Path dir = Path.of(file).toAbsolutePath().getParent();
            resolved = dir == null
                    ? Path.of(base.get()).toString()
                    : dir.resolve(base.get()).normalize().toString();
        } catch (InvalidPathException | java.io.IOError | SecurityException e) {
            problems.add(Problem.at(
                    ProblemCode.BAD_BASE,
                    top.get("extends").orElseThrow().location(),
                    "extends",
                    "extends names " + SafeText.quote(base.get()) + ", which is not a file path"
                            + (base.get().indexOf('\0') >= 0
                                    ? ": a file name cannot hold the NUL character (\\u0000)"
                                    : " this system accepts")
                            + "; write the base model's file name, relative to this scenario's folder."));
            return Optional.empty();
        }
        return Optional.of(new Scenario(file, resolved, name, description, changes));
    }

    private static void checkKeys(Tree.Mapping m, String path, FieldCatalogue.Section section, List<Problem> problems) {
        Set<String> seen = new HashSet<>();
        for (Tree.Entry e : m.entries()) {
            String k = e.key().text();
            String at = path.isEmpty() ? k : path + "." + k;
            if (!seen.add(k)) {
                problems.add(Problem.at(
                        ProblemCode.DUPLICATE_KEY,
                        e.key().location(),
                        at,
                        "'" + k + "' is given twice" + " here; keep one."));
            } else if (section.field(k).isEmpty()) {
                problems.add(Problem.at(
                        ProblemCode.UNKNOWN_FIELD,
                        e.key().location(),
                        at,
                        "'" + k + "' is not a field of"
                                + " a " + section.title().toLowerCase(Locale.ROOT) + "."
                                + Spelling.hint(k, section.names())
                                + " Known fields: " + String.join(", ", section.names()) + "."));
            }
        }
        for (FieldCatalogue.Field f : section.required()) {
            if (m.get(f.name()).isEmpty()) {
                problems.add(Problem.at(
                        ProblemCode.MISSING_FIELD,
                        m.location(),
                        path.isEmpty() ? f.name() : path + "." + f.name(),
                        "a " + section.title().toLowerCase(Locale.ROOT) + " needs '" + f.name() + "': " + f.meaning()));
            }
        }
    }

    private static Optional<String> text(Tree.Mapping m, String key, String path, List<Problem> problems) {
        Optional<Tree> v = m.get(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof Tree.Scalar s && !s.isNull()) {
            return Optional.of(s.text());
        }
        problems.add(Problem.at(
                ProblemCode.WRONG_TYPE,
                v.get().location(),
                path,
                "expected text, found " + v.get().kind() + "."));
        return Optional.empty();
    }

    private static Optional<Change> change(Tree node, String path, Optional<String> inherited, List<Problem> problems) {
        if (!(node instanceof Tree.Mapping m)) {
            problems.add(Problem.at(
                    ProblemCode.WRONG_TYPE,
                    node.location(),
                    path,
                    "a change is a mapping such as {set:" + " plants[kaluga].capacity, to: 11000}."));
            return Optional.empty();
        }
        int before = problems.size();
        checkKeys(m, path, FieldCatalogue.section("change"), problems);
        List<String> verbs = VERBS.stream().filter(v -> m.get(v).isPresent()).toList();
        if (verbs.size() != 1) {
            problems.add(Problem.at(
                    ProblemCode.MISSING_FIELD,
                    m.location(),
                    path,
                    "a change gives exactly one of set,"
                            + " add, remove, force and forbid"
                            + (verbs.isEmpty() ? "" : ", not " + String.join(" and ", verbs))
                            + "."));
            return Optional.empty();
        }
        String verb = verbs.get(0);
        Optional<String> source = text(m, "source", path + ".source", problems).or(() -> inherited);
        Location at = m.location();
        Optional<String> target = text(m, verb, path + "." + verb, problems);
        if (problems.size() > before || target.isEmpty()) {
            return Optional.empty();
        }
        switch (verb) {
            case "set": {
                Optional<Tree> to = m.get("to");
                if (to.isEmpty()) {
                    problems.add(
                            Problem.at(ProblemCode.MISSING_FIELD, at, path + ".to", "set needs to: the new value."));
                    return Optional.empty();
                }
                return Optional.of(new Change.Set(target.get(), to.get(), at, source));
            }
            case "add": {
                Optional<Tree> value = m.get("value");
                if (value.isEmpty()) {
                    problems.add(Problem.at(
                            ProblemCode.MISSING_FIELD,
                            at,
                            path + ".value",
                            "add needs value: the item" + " or entry to add."));
                    return Optional.empty();
                }
                Optional<String> id = text(m, "id", path + ".id", problems);
                return Optional.of(new Change.Add(target.get(), id, value.get(), at, source));
            }
            case "remove":
                return Optional.of(new Change.Remove(target.get(), at, source));
            default:
                return decision(m, verb, target.get(), path, source, problems);
        }
    }

    /** {force: idle, plant: kaluga, years: 2022-} is shorthand for adding that decision. */
    private static Optional<Change> decision(
            Tree.Mapping m, String verb, String action, String path, Optional<String> source, List<Problem> problems) {
        if (m.get("plant").isEmpty()) {
            problems.add(Problem.at(
                    ProblemCode.MISSING_FIELD,
                    m.location(),
                    path + ".plant",
                    verb + " needs plant: the" + " plant it applies to."));
            return Optional.empty();
        }
        List<Tree.Entry> entries = new ArrayList<>();
        for (Tree.Entry e : m.entries()) {
            String k = e.key().text();
            if (List.of(verb, "plant", "platform", "years", "id").contains(k)) {
                entries.add(e);
            }
        }
        source.ifPresent(s -> entries.add(new Tree.Entry(
                new Tree.Scalar(m.location(), "source", true), new Tree.Scalar(m.location(), s, false))));
        Tree value = new Tree.Mapping(m.location(), entries);
        return Optional.of(new Change.Add("decisions", Optional.empty(), value, m.location(), source));
    }
}
