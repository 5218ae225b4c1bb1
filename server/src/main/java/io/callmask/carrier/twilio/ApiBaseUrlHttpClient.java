package io.callmask.carrier.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.util.function.Supplier;

/**
 * Points the official SDK elsewhere (the emulator, or a test's fake of Twilio's REST API): every
 * request the SDK builds for {@code https://api.twilio.com} goes to that base URL instead.
 * Everything else (authentication, parameters, parsing) stays the SDK's own.
 */
class ApiBaseUrlHttpClient extends HttpClient {

    private static final String TWILIO_API = "https://api.twilio.com";

    private final Supplier<String> baseUrl;
    private final NetworkHttpClient delegate = new NetworkHttpClient();

    ApiBaseUrlHttpClient(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.constructURL().toString();
        if (!url.startsWith(TWILIO_API)) {
            throw new IllegalStateException("only the api.twilio.com domain is redirected");
        }
        Request rewritten = new Request(request.getMethod(), baseUrl.get() + url.substring(TWILIO_API.length()));
        rewritten.setAuth(request.getUsername(), request.getPassword());
        if (request.getContentType() != null) {
            rewritten.setContentType(request.getContentType());
        }
        request.getPostParams().forEach((name, values) -> values.forEach(v -> rewritten.addPostParam(name, v)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> rewritten.addHeaderParam(name, v)));
        return delegate.makeRequest(rewritten);
    }
}
