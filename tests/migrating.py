"""Moving the test database between migrations, for the tests of data migrations."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to ``targets`` (an app at None: none of its migrations) and give back the models as
    the database now has them."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    graph = executor.loader.graph
    kept = {app for app, name in targets}
    nodes = [node for node in graph.leaf_nodes() if node[0] not in kept]
    nodes += [(app, name) for app, name in targets if name is not None]
    return executor.loader.project_state(nodes).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
