package org.jiandu.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Requests Tomcat refuses before any servlet runs (an encoded slash {@code %2F} or a NUL {@code %00} in the
 * path, a request line over the header size limit) are answered by the host's error report valve. Under
 * {@code /api}, and when the request line could not even be read, this valve answers with a problem document
 * instead of Tomcat's HTML page; elsewhere it stays Tomcat's page
 * without server details (as Spring Boot configures it).
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            ProblemReportValve valve = new ProblemReportValve();
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            pipeline.addValve(valve);
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    /** After Spring Boot's own customisers, which add the plain valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error report valve, answering {@code /api} requests with problem+json. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getCoyoteRequest().requestURI().toString();
            // no URI: the request line itself was refused (too long, malformed); a problem is the safe answer
            boolean api = uri == null || uri.isEmpty() || uri.startsWith("/api");
            if (!api) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus httpStatus = HttpStatus.resolve(status);
            String body = Problems.json(ApiErrorController.forStatus(
                    httpStatus == null ? HttpStatus.INTERNAL_SERVER_ERROR : httpStatus));
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client has gone, or the response cannot be written any more: nothing to report to
            }
        }
    }
}
