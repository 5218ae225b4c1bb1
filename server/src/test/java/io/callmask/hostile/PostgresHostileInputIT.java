package io.callmask.hostile;

import io.callmask.support.OnPostgres;

@OnPostgres
class PostgresHostileInputIT extends HostileInputSuite {
    @Override
    String database() {
        return "postgres";
    }
}
