package io.callmask.e2e;

import io.callmask.support.OnH2;

@OnH2
class H2StatusStormIT extends StatusStormScenarios {}
