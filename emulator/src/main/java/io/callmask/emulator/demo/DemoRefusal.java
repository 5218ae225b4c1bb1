package io.callmask.emulator.demo;

import org.springframework.http.HttpStatusCode;

/** Something the demo's own endpoints refuse, answered as problem+json by {@link DemoProblems}. */
class DemoRefusal extends RuntimeException {

    final HttpStatusCode status;
    final String slug;
    final String title;

    DemoRefusal(HttpStatusCode status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }
}
