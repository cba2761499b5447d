//! A small XML tree for the parts of a Word package: read with `quick-xml`, edited in place
//! (elements removed or unwrapped, text replaced), written back escaped. No DTDs, no
//! entities beyond XML's five and character references, bounded depth.

use quick_xml::events::Event;

use crate::formats::FormatError;

/// Deepest element nesting read.
pub const MAX_DEPTH: usize = 256;

/// A node.
#[derive(Debug, Clone)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Text (character data), unescaped.
    Text(String),
    /// A processing instruction, kept as written (`<?mso-application …?>`).
    Instruction(String),
}

/// An element: its qualified name, attributes (values unescaped) and children.
#[derive(Debug, Clone, Default)]
pub struct Element {
    /// Qualified name, e.g. `w:t`.
    pub name: String,
    /// Attributes in order.
    pub attrs: Vec<(String, String)>,
    /// Children in order.
    pub children: Vec<Node>,
}

impl Element {
    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets an attribute.
    pub fn set_attr(&mut self, name: &str, value: &str) {
        match self.attrs.iter_mut().find(|(k, _)| k == name) {
            Some((_, v)) => *v = value.to_string(),
            None => self.attrs.push((name.to_string(), value.to_string())),
        }
    }

    /// The element's local name (after the prefix).
    pub fn local(&self) -> &str {
        self.name.rsplit(':').next().unwrap_or(&self.name)
    }

    /// The text of its direct text children.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for c in &self.children {
            if let Node::Text(t) = c {
                s.push_str(t);
            }
        }
        s
    }

    /// Replaces its children by one text.
    pub fn set_text(&mut self, text: &str) {
        self.children = vec![Node::Text(text.to_string())];
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }
}

/// A part: an optional declaration and the root element (with anything around it).
#[derive(Debug, Clone)]
pub struct Document {
    /// Whether the part started with an XML declaration.
    pub declaration: bool,
    /// Top-level nodes.
    pub nodes: Vec<Node>,
}

impl Document {
    /// The root element.
    pub fn root_mut(&mut self) -> Option<&mut Element> {
        self.nodes.iter_mut().find_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The root element.
    pub fn root(&self) -> Option<&Element> {
        self.nodes.iter().find_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }
}

fn malformed(part: &str, reason: impl std::fmt::Display) -> FormatError {
    FormatError::Malformed {
        format: "Word document",
        reason: format!("{}: {reason}", crate::formats::shown(part)),
    }
}

/// Reads a part. `part` names it in errors.
pub fn parse(bytes: &[u8], part: &str) -> Result<Document, FormatError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| malformed(part, "not UTF-8"))?;
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut declaration = false;
    let mut stack: Vec<Element> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    let push = |stack: &mut Vec<Element>, top: &mut Vec<Node>, node: Node| match stack.last_mut() {
        Some(parent) => parent.children.push(node),
        None => top.push(node),
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| malformed(part, format!("at byte {}: {e}", reader.error_position())))?;
        match event {
            Event::Decl(_) => declaration = true,
            Event::Start(s) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(FormatError::Limit(format!(
                        "{}: elements nested more than {MAX_DEPTH} deep",
                        crate::formats::shown(part)
                    )));
                }
                stack.push(element(&s, part)?);
            }
            Event::Empty(s) => {
                let e = element(&s, part)?;
                push(&mut stack, &mut top, Node::Element(e));
            }
            Event::End(_) => {
                let Some(e) = stack.pop() else {
                    return Err(malformed(part, "an end tag without a start"));
                };
                push(&mut stack, &mut top, Node::Element(e));
            }
            Event::Text(t) => {
                let s = t.xml_content().map_err(|e| malformed(part, e))?;
                if stack.is_empty() && s.trim().is_empty() {
                    continue;
                }
                append_text(&mut stack, &mut top, &s);
            }
            Event::CData(c) => {
                let s = c.decode().map_err(|e| malformed(part, e))?;
                append_text(&mut stack, &mut top, &s);
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|e| malformed(part, e))? {
                    Some(c) => c,
                    None => match r.decode().map_err(|e| malformed(part, e))?.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => return Err(malformed(part, "an entity that is not defined")),
                    },
                };
                append_text(&mut stack, &mut top, c.encode_utf8(&mut [0; 4]));
            }
            Event::PI(p) => {
                let s = String::from_utf8_lossy(&p.into_inner()).into_owned();
                push(&mut stack, &mut top, Node::Instruction(s));
            }
            // Comments can hold anything and show nothing: dropped.
            Event::Comment(_) => {}
            Event::DocType(_) => {
                return Err(FormatError::Unsupported(format!(
                    "{} has a DTD (not used by Word; refused)",
                    crate::formats::shown(part)
                )));
            }
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err(malformed(part, "the part ends inside an element"));
    }
    Ok(Document {
        declaration,
        nodes: top,
    })
}

fn append_text(stack: &mut [Element], top: &mut Vec<Node>, s: &str) {
    let children = match stack.last_mut() {
        Some(p) => &mut p.children,
        None => top,
    };
    if let Some(Node::Text(t)) = children.last_mut() {
        t.push_str(s);
    } else {
        children.push(Node::Text(s.to_string()));
    }
}

fn element(s: &quick_xml::events::BytesStart<'_>, part: &str) -> Result<Element, FormatError> {
    let name = String::from_utf8_lossy(s.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(|e| malformed(part, e))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a
            .unescape_value()
            .map_err(|e| malformed(part, e))?
            .into_owned();
        attrs.push((key, value));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

/// Writes a part.
pub fn write(doc: &Document) -> Vec<u8> {
    let mut out = String::new();
    if doc.declaration {
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
    }
    for n in &doc.nodes {
        write_node(n, &mut out);
    }
    out.into_bytes()
}

fn write_node(n: &Node, out: &mut String) {
    match n {
        Node::Text(t) => escape_into(t, false, out),
        Node::Instruction(p) => {
            out.push_str("<?");
            out.push_str(p);
            out.push_str("?>");
        }
        Node::Element(e) => {
            out.push('<');
            out.push_str(&e.name);
            for (k, v) in &e.attrs {
                out.push(' ');
                out.push_str(k);
                out.push_str("=\"");
                escape_into(v, true, out);
                out.push('"');
            }
            if e.children.is_empty() {
                out.push_str("/>");
                return;
            }
            out.push('>');
            for c in &e.children {
                write_node(c, out);
            }
            out.push_str("</");
            out.push_str(&e.name);
            out.push('>');
        }
    }
}

fn escape_into(s: &str, attribute: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            _ => out.push(c),
        }
    }
}

/// Every text and attribute value in a part, for searching.
pub fn all_text(doc: &Document) -> String {
    fn walk(n: &Node, out: &mut String) {
        match n {
            Node::Text(t) => {
                out.push_str(t);
                out.push('\n');
            }
            Node::Instruction(p) => {
                out.push_str(p);
                out.push('\n');
            }
            Node::Element(e) => {
                for (_, v) in &e.attrs {
                    out.push_str(v);
                    out.push('\n');
                }
                for c in &e.children {
                    walk(c, out);
                }
            }
        }
    }
    let mut out = String::new();
    for n in &doc.nodes {
        walk(n, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_text_entities_and_attributes() {
        let src = "<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:t xml:space=\"preserve\">A &amp; B &#233; </w:t><w:x a=\"&quot;q&quot;\"/><!-- c --></w:document>";
        let doc = parse(src.as_bytes(), "p").unwrap();
        let out = String::from_utf8(write(&doc)).unwrap();
        assert!(
            out.contains("<w:t xml:space=\"preserve\">A &amp; B é </w:t>"),
            "{out}"
        );
        assert!(out.contains("<w:x a=\"&quot;q&quot;\"/>"), "{out}");
        assert!(!out.contains("<!--"));
        assert!(parse(b"<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", "p").is_err());
        assert!(parse(b"<a><b></a>", "p").is_err());
        let deep = "<a>".repeat(300) + &"</a>".repeat(300);
        assert!(matches!(
            parse(deep.as_bytes(), "p"),
            Err(FormatError::Limit(_))
        ));
    }
}
