package io.callmask.core.abuse;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:abuse-rules;DB_CLOSE_DELAY=-1")
class H2AbuseRulesTest extends AbuseRulesContract {}
