package org.jiandu.identity;

/** 省市县乡四级. */
public enum AdminLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP
}
