package org.microneedling.instructions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.microneedling.instructions.InstructionSheet.Item;
import org.microneedling.instructions.InstructionSheet.Section;

/**
 * The sheet as a page to print and hand over: one self-contained HTML document, no script and nothing loaded from
 * anywhere, its style inline. It is also well-formed XML, so that the front desk can read it as inert data. It
 * shows the screening id (so that the chart and the sheet can be matched) and no other identifier and no code: the
 * codes stay in the JSON, for software.
 */
final class SheetPage {

    /**
     * Sized so that a usual sheet prints at 10.5 pt and the longest (a referral with every tailored item) still fits
     * two A4 or Letter pages at 9 pt: PatientSheetBrowserTest prints both.
     */
    static final String STYLE = """
            @page{size:auto;margin:12mm 14mm}
            html{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;color:#111;background:#fff}
            body{margin:0 auto;max-width:46rem;padding:1.25rem;font-size:10.5pt;line-height:1.3}
            body.long{font-size:9pt;line-height:1.22}
            h1{font-size:1.45em;margin:0 0 .15em}
            .reference{margin:0 0 .5em;font-size:.9em;color:#333}
            h2{font-size:1.1em;margin:.6em 0 .15em;padding-bottom:.1em;border-bottom:1px solid #777;\
            break-after:avoid;page-break-after:avoid}
            ul{margin:0;padding-left:1.2em}
            li{margin:.05em 0;break-inside:avoid;page-break-inside:avoid}
            section:first-of-type li:first-child{font-weight:bold}
            footer{margin-top:.7em;font-size:.9em;color:#333}
            @media print{body{padding:0;max-width:none}}
            """;

    /** More items than this, and the sheet is set smaller so that it still fits two pages. */
    static final int LONG_SHEET_ITEMS = 50;

    /** Lets a browser apply exactly this style and nothing else, under the API's otherwise closed policy. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private SheetPage() {
    }

    static String render(InstructionSheet sheet, PatientTexts texts) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(sheet.language()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>").append(escape(texts.text("page.title"))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n")
                .append(itemCount(sheet) > LONG_SHEET_ITEMS ? "<body class=\"long\">\n" : "<body>\n")
                .append("<header>\n")
                .append("<h1>").append(escape(texts.text("page.title"))).append("</h1>\n")
                .append("<p class=\"reference\">").append(escape(texts.text("page.reference"))).append(": ")
                .append(sheet.screeningId()).append("</p>\n</header>\n<main>\n");
        for (Section section : sheet.sections()) {
            html.append("<section>\n<h2>").append(escape(section.title())).append("</h2>\n<ul>\n");
            for (Item item : section.items()) {
                html.append("<li>").append(escape(item.text())).append("</li>\n");
            }
            html.append("</ul>\n</section>\n");
        }
        html.append("</main>\n<footer>\n<p>").append(escape(texts.text("page.disclaimer")))
                .append("</p>\n</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    static int itemCount(InstructionSheet sheet) {
        return sheet.sections().stream().mapToInt(section -> section.items().size()).sum();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String sha256(String style) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
