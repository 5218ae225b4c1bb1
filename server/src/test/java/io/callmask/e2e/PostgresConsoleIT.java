package io.callmask.e2e;

import io.callmask.support.OnPostgres;

@OnPostgres
class PostgresConsoleIT extends ConsoleScenarios {}
