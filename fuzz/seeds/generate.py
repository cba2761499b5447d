#!/usr/bin/env python3
"""Writes the small generated seeds of the fuzz corpora (besides the committed fixtures).

usage: python3 fuzz/seeds/generate.py    (from the repository root; standard library only)

PDFs are written by hand, uncompressed, with a correct cross-reference table, so that
every byte is a PDF token the fuzzer can mutate. All personal data is made up.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def pdf(objects, root=1, info=None):
    """A PDF from object bodies (numbered from 1), with a classic xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = b"/Size %d /Root %d 0 R" % (len(objects) + 1, root)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(content, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


HELV = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def write(name, data):
    kind = name.rsplit(".", 1)[1]
    folder = os.path.join(HERE, {"pdf": "pdf", "txt": "text", "content": "content"}[kind])
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def pdfs():
    # One page, Tj, TJ with kerning, ' and ", a name, a phone number and an e-mail address.
    content = (b"BT /F1 11 Tf 72 760 Td 14 TL (Geachte heer De Vries,) Tj T* "
               b"[(Bel Marl) -20 (oes van der Wiel op 06-41 27 83 90.)] TJ "
               b"(Mail: jan.devries@example.nl) ' 1 0.5 (BSN 111222333) \" ET")
    write("text_page.pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
        b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        HELV,
        stream(content),
    ]))
    # A form drawn twice, a link with an e-mail address, an /Info dictionary, marked content
    # with /ActualText and /Alt.
    form = b"BT /F1 10 Tf 0 0 Td (Bram Oosterhuis, Kerkstraat 12, 1234 AB Utrecht) Tj ET"
    page = (b"q 1 0 0 1 72 700 cm /Fm1 Do Q q 1 0 0 1 72 600 cm /Fm1 Do Q "
            b"/Span << /ActualText (Jan de Vries) >> BDC BT /F1 9 Tf 72 500 Td (J. de Vries) Tj ET EMC "
            b"/Figure << /Alt (Foto van Ilse Veenstra) >> BDC 0 0 10 10 re f EMC")
    write("form_annot_info.pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Names << >> /OpenAction << /S /URI /URI (mailto:a@b.nl) >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /Fm1 6 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Annots [7 0 R] >>",
        HELV,
        stream(page),
        stream(form, b"/Type /XObject /Subtype /Form /BBox [0 0 400 20] /Resources << /Font << /F1 4 0 R >> >> "),
        b"<< /Type /Annot /Subtype /Link /Rect [72 690 300 712] /A << /S /URI /URI (mailto:b.oosterhuis@minjenv.nl) >> "
        b"/Contents (Opmerking van Marloes van der Wiel) >>",
        b"<< /Author (Marloes van der Wiel) /Title (Brief) >>",
    ], info=8))
    # Type0 font, Identity-H, ToUnicode with bfchar and bfrange; two pages sharing it.
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
            b"/CMapName /Fuzz def 1 begincodespacerange <0000> <FFFF> endcodespacerange "
            b"2 beginbfchar <0001> <004A> <0002> <0061> endbfchar "
            b"1 beginbfrange <0010> <0030> <0041> endbfrange endcmap CMapName currentdict "
            b"/CMap defineresource pop end end")
    write("type0.pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F0 5 0 R >> >> /Rotate 90 >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 8 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /Contents [8 0 R 9 0 R] /Rotate 180 >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Fuzz /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Fuzz /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/DW 500 /W [1 [600 500] 16 48 550] >>",
        stream(cmap),
        stream(b"BT /F0 12 Tf 100 700 Td <0001000200100011> Tj [<0012> 120 <0013>] TJ ET"),
        stream(b"BT /F0 12 Tf 3 Tr 100 600 Td <00140015> Tj ET"),
    ]))
    # Incremental update with an object stream and an xref stream is left to the fixtures;
    # here a Differences encoding and an inline image.
    write("differences_inline.pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /FirstChar 32 /LastChar 126 "
        b"/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /fi /fl 97 /adieresis] >> >>",
        stream(b"q 10 0 0 10 20 20 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\xff\x00 EI Q "
               b"BT /F1 10 Tf 20 200 Td 2 Tc 1 Tw 110 Tz (NL91ABNA0417164300 Aa) Tj ET"),
    ]))


def contents():
    """Page content streams for `pdf_content`, which draws them on a fixed page with fonts
    /F1 (Helvetica) and /F0 (Type 0, codes 0001 J, 0002 a, 0010-0040 A-a), form /Fm1 and
    image /Im1."""
    write("letter.content", b"BT /F1 11 Tf 72 760 Td 14 TL (Geachte heer De Vries,) Tj T* "
          b"[(Bel Marl) -20 (oes van der Wiel op 06-41 27 83 90.)] TJ "
          b"(Mail: jan.devries@example.nl) ' 1 0.5 (BSN 111222333) \" ET")
    write("type0.content", b"BT /F0 12 Tf 100 700 Td <0001000200100011> Tj "
          b"[<0012> 120 <0013>] TJ 3 Tr <00140015> Tj ET")
    write("form_image.content", b"q 1 0 0 1 72 700 cm /Fm1 Do Q q 0.5 0 0 0.5 72 600 cm /Fm1 Do Q "
          b"q 100 0 0 100 300 300 cm /Im1 Do Q")
    write("marked.content", b"/Span << /ActualText (Jan de Vries) >> BDC BT /F1 9 Tf 72 500 Td "
          b"(J. de Vries) Tj ET EMC /P << /MCID 0 >> BDC BT /F1 9 Tf 72 480 Td "
          b"(Ilse Veenstra, 06-12345678) Tj ET EMC")
    write("inline_state.content", b"q 2 0 0 2 10 10 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\xff\x00 EI Q "
          b"BT /F1 10 Tf 20 200 Td 2 Tc 1 Tw 110 Tz 5 Ts 12 TL (NL91ABNA0417164300) Tj "
          b"0 -12 TD (Kerkstraat 12) Tj 1 0 0 1 20 150 Tm (1234 AB Utrecht) Tj ET")


def texts():
    write("short.txt", "Bel Marloes van der Wiel op 06-41 27 83 90 of mail m.vanderwiel@minjenv.nl.\n".encode())
    write("bom_crlf.txt", "\ufeffVan: Jan de Vries <jan@example.nl>\r\nAan: woo@minjenv.nl\r\n\r\nBSN 111222333\r\n".encode())
    write("utf16.txt", "\ufeffGeachte mevrouw Veenstra, IBAN NL91ABNA0417164300.\n".encode("utf-16-le"))
    write("cp1252.txt", "Caf\u00e9 De Vries, Kerkstraat 12, 1234 AB Utrecht, geboren 01-02-1980\n".encode("cp1252"))
    write("public_keep.txt", "Minister Hendrik Vos, Turfmarkt 147, 2511 DP Den Haag. Paraaf: BO. dhr. B. Oosterhuis\n".encode())


if __name__ == "__main__":
    pdfs()
    contents()
    texts()
