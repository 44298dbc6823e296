package org.jiandu.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * One paging rule for every list of {@code /api}: {@code page} counts from 0, {@code size} is 1 to
 * {@value Page#MAX_SIZE}. Anything else is 400 {@code INVALID_PARAMETER}, never silently clamped; a list
 * endpoint gets the rule by declaring request parameters named {@code page} and {@code size}.
 */
class PagingRule implements HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                String name = requestParamName(parameter);
                if ("page".equals(name)) {
                    check(name, request.getParameter(name), 0, Integer.MAX_VALUE, "page 为页码，须为从 0 开始的整数");
                } else if ("size".equals(name)) {
                    check(name, request.getParameter(name), 1, Page.MAX_SIZE,
                            "size 为每页条数，须为 1 至 " + Page.MAX_SIZE + " 的整数");
                }
            }
        }
        return true;
    }

    private static String requestParamName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param == null) {
            return null;
        }
        if (!param.name().isEmpty()) {
            return param.name();
        }
        // not parameter.getParameterName(): it is null until the handler has run once
        String[] names = NAMES.getParameterNames(parameter.getMethod());
        return names == null ? null : names[parameter.getParameterIndex()];
    }

    private static void check(String name, String value, int min, int max, String rule) {
        if (value == null) {
            return;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", "分页参数 " + name + " 的值无效：" + rule + "。");
        }
        if (number < min || number > max) {
            throw ApiException.badRequest("INVALID_PARAMETER", "分页参数 " + name + "=" + number + " 超出范围：" + rule + "。");
        }
    }
}
