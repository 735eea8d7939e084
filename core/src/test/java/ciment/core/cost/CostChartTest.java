package ciment.core.cost;

import static ciment.core.cost.CostReportTest.ARM;
import static ciment.core.cost.CostReportTest.NOVEMBER;
import static ciment.core.cost.CostReportTest.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CostChartTest {
    static final Map<String, String> NAMES = Map.of("C1", "design", "C2", "R&D <lab>", "C3", "runners");

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static Set<String> texts(Document svg) {
        Set<String> texts = new TreeSet<>();
        NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static CostReport month() {
        List<UsageDay> days = new ArrayList<>(CostReportTest.designMonth());
        days.add(day("C2", 2, Meter.API_REQUESTS, 3_000_000, Meter.TEAMS_CALLS, 40));
        days.add(day("C3", 3, Meter.DYNAMODB_WRITE_UNITS, 800_000));
        days.add(day(UsageDay.PLATFORM, 4, Meter.QUEUE_REQUESTS, 2_500_000, Meter.STREAM_REQUESTS, 90));
        return CostReport.of(NOVEMBER, days, ARM, NAMES, false);
    }

    @Test
    void chart_isWellFormedSvg_withATitle_andNamesEveryCommunityAndService() throws Exception {
        CostReport report = month();
        Document svg = parse(CostChart.svg(report));
        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("img", root.getAttribute("role"));
        assertEquals("Ciment costs of 2026-11 by community and service",
                svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent());
        Set<String> texts = texts(svg);
        for (String name : List.of("design", "R&D <lab>", "runners", "platform")) {
            assertTrue(texts.contains(name), name + " in " + texts);
        }
        for (String service : report.services()) {
            assertTrue(texts.stream().anyMatch(t -> t.startsWith(service + ": $")), service + " in " + texts);
        }
        assertTrue(texts.contains("Amazon DynamoDB Streams: $0.00"), texts.toString());
        assertTrue(texts.contains("Microsoft Bot Connector: $0.00"), texts.toString());
        assertTrue(texts.contains("$3.00"), "the R&D bar's total: " + texts);
        assertTrue(texts.contains("$0.00") && texts.contains("$1.00") && texts.contains("$3.00"), "dollar axis: " + texts);
    }

    @Test
    void chart_isTheSameBytesEveryTime() {
        assertEquals(CostChart.svg(month()), CostChart.svg(month()));
    }

    @Test
    void eachBarSegment_isAsWideAsItsCost_onTheAxis() throws Exception {
        Document svg = parse(CostChart.svg(month()));
        NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        double apiWidth = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getTextContent().equals("R&D <lab>, Amazon API Gateway: $3.00")) {
                apiWidth = Double.parseDouble(rect.getAttribute("width"));
            }
        }
        assertEquals(460 * 3.0 / 3.0, apiWidth, 0.01); // $3 on an axis that ends at $3.00
    }

    @Test
    void emptyAndTinyMonths_stillDrawAnAxis() throws Exception {
        Document empty = parse(CostChart.svg(CostReport.of(NOVEMBER, List.of(), ARM, NAMES, false)));
        assertTrue(texts(empty).contains("$0.01"), texts(empty).toString());
        Document tiny = parse(CostChart.svg(CostReport.of(NOVEMBER, List.of(day("C1", 1, Meter.API_REQUESTS, 30)),
                ARM, NAMES, false)));
        assertTrue(texts(tiny).contains("$0.00003"), texts(tiny).toString());
        assertTrue(texts(tiny).contains("under $0.01"), texts(tiny).toString());
    }

    @Test
    void axisSteps_areOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0, new BigDecimal("1").compareTo(CostChart.step(new BigDecimal("3.00"))));
        assertEquals(0, new BigDecimal("0.5").compareTo(CostChart.step(new BigDecimal("1.88"))));
        assertEquals(0, new BigDecimal("20").compareTo(CostChart.step(new BigDecimal("71"))));
        assertEquals(0, new BigDecimal("0.00001").compareTo(CostChart.step(new BigDecimal("0.00003"))));
    }

    @Test
    void anAllocatedPlatform_isDrawnEmpty_andSaysItsCostWasShared() throws Exception {
        CostReport allocated = CostReport.of(NOVEMBER, CostReportTest.threeCommunitiesAndPlatform(), ARM, NAMES, true);
        Set<String> texts = texts(parse(CostChart.svg(allocated)));
        assertTrue(texts.contains("$0.00 (shared among communities)"), texts.toString());
        assertTrue(texts.contains("$4.50"), texts.toString());
    }
}
