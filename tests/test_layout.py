"""The layout docs/architecture.md describes, held by the code's own imports: the apps in
one direction with no cycle, plumbing that every app uses importing no app, the tools
apart from runtime code, migrations importing no models or logic; and the README kept a
page that points to docs/ by reader."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = {"blog", "colorways", "sizing", "consent"}
PLUMBING = {"caching", "seo", "markup", "imaging", "editing", "seeding", "proxy"}
TOOLS = {"bench", "scripts"}
RUNTIME = APPS | PLUMBING | {"config"}
# What a migration may import beyond Django and the standard library: the field classes
# and validators its fields name, from modules that import no model.
MIGRATION_IMPORTS = {"markdownx.models", "imaging.fields", "colorways.fields"}


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at its top or inside a function, by its full name."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def sources(*packages: str, pattern: str = "**/*.py"):
    for package in packages:
        yield from (ROOT / package).glob(pattern)


def top(module: str) -> str:
    return module.split(".")[0]


def imports_of(paths, forbidden: set[str], allowed: frozenset[str] = frozenset()) -> list[str]:
    """Where the files `paths` import a module of the packages `forbidden` (but `allowed`)."""
    return [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in paths
        for module in imported_modules(path)
        if top(module) in forbidden and module not in allowed
    ]


def test_plumbing_imports_no_app_and_no_tool():
    assert imports_of(sources(*PLUMBING), APPS | TOOLS | {"config"}) == []


def test_runtime_code_never_imports_the_tools():
    assert imports_of(sources(*RUNTIME), TOOLS) == []


def test_apps_import_each_other_in_one_direction_only():
    stands_on = {
        app: {
            top(module)
            for path in sources(app)
            for module in imported_modules(path)
            if top(module) in APPS - {app}
        }
        for app in APPS
    }
    assert stands_on["blog"] == {"colorways"}  # articles embed colorways
    cycles = [(a, b) for a in APPS for b in stands_on[a] if a in reaches(b, stands_on)]
    assert cycles == []


def reaches(start: str, graph: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def test_migrations_import_no_models_or_logic_of_the_project():
    migrations = sources(*RUNTIME, pattern="migrations/*.py")
    project = RUNTIME | TOOLS | {"markdownx"}
    assert imports_of(migrations, project, allowed=MIGRATION_IMPORTS) == []


def test_the_field_modules_migrations_import_import_no_model():
    for module in MIGRATION_IMPORTS - {"markdownx.models"}:
        path = ROOT / (module.replace(".", "/") + ".py")
        assert not any(name.endswith(".models") for name in imported_modules(path)), module


def test_the_readme_is_one_page_that_points_to_the_docs_by_reader():
    readme = (ROOT / "README.md").read_text()
    assert len(readme.splitlines()) <= 150
    for guide in ("editors", "operations", "security", "architecture", "performance"):
        assert (ROOT / "docs" / f"{guide}.md").exists(), guide
        assert f"docs/{guide}.md" in readme, guide
