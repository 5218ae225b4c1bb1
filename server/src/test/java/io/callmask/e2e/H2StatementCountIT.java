package io.callmask.e2e;

import io.callmask.support.OnH2;

/** The statement budgets on H2: the ones of {@link StatementCountScenarios}. */
@OnH2
class H2StatementCountIT extends StatementCountScenarios {}
