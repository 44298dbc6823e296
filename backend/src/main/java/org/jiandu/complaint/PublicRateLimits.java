package org.jiandu.complaint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies the per-address limits to the public complaint endpoints before anything else is done with
 * the request, so that invalid attempts count too (the answer is a 429 problem).
 */
@Configuration(proxyBeanMethods = false)
class PublicRateLimits implements WebMvcConfigurer {

    private final IntakeRateLimiter limiter;

    PublicRateLimits(IntakeRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("POST".equals(request.getMethod())) {
                    limiter.checkIntake(request.getRemoteAddr());
                } else if ("GET".equals(request.getMethod())) {
                    limiter.checkLookup(request.getRemoteAddr());
                }
                return true;
            }
        }).addPathPatterns("/api/public/complaints", "/api/public/complaints/**");
    }
}
