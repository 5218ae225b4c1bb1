package io.callmask.e2e;

import io.callmask.support.OnH2;

/** {@link ConcurrentDialInScenarios} on H2. */
@OnH2
class H2ConcurrentDialInIT extends ConcurrentDialInScenarios {}
