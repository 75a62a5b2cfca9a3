//! A pretty-printer for one element of a top-level array: the lines `serde_json`'s pretty
//! printer would write for the element inside the whole export, already indented by the two
//! levels the element stands at. Printing the element alone and then indenting every line
//! (a `replace` over the printed text) cost a copy and a scan of every element.

use std::io;

use serde_json::ser::Formatter;

/// `serde_json::ser::PrettyFormatter` with two spaces a level, starting `base` levels deep.
pub struct Indented {
    level: usize,
    base: usize,
    has_value: bool,
}

impl Indented {
    /// A formatter whose outermost value stands `base` levels deep.
    #[must_use]
    pub fn at(base: usize) -> Self {
        Self {
            level: 0,
            base,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        for _ in 0..self.level + self.base {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl Indented {
    /// Open an array or object: one level deeper, nothing in it yet.
    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    /// Close an array or object: its closing mark on a line of its own unless it is empty.
    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(mark)
    }

    /// Start an element or a key on a line of its own.
    fn next_line<W: ?Sized + io::Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }
}

impl Formatter for Indented {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_line(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_line(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indented(v: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Indented::at(2));
        serde::Serialize::serialize(v, &mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn it_prints_what_pretty_printing_and_indenting_every_line_prints() {
        for v in [
            serde_json::json!({"a": [1, 2, {"b": [], "c": {}}], "d": "x\\ny", "e": null}),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!([[[]], [{"k": [true, 1.5, "é\u{2028}"]}]]),
            serde_json::json!("line\nbreak"),
        ] {
            let slow = serde_json::to_string_pretty(&v)
                .unwrap()
                .replace('\n', "\n    ");
            assert_eq!(indented(&v), slow);
        }
    }
}
