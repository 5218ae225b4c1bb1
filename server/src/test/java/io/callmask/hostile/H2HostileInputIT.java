package io.callmask.hostile;

import io.callmask.support.OnH2;

@OnH2
class H2HostileInputIT extends HostileInputSuite {
    @Override
    String database() {
        return "h2";
    }
}
