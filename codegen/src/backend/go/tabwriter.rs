//! An emulation of the alignment that gofmt gets from Go's `text/tabwriter` (padding 1, spaces,
//! `DiscardEmptyColumns`). Rows are lists of cells; every cell but the last of a row is
//! terminated, and a column is aligned across the consecutive rows that have a terminated cell in
//! it. The Go back end builds rows from parsed lines the way `go/printer` would split them and
//! uses [`render`] both to format inserted lines and to tell whether a section is aligned the way
//! gofmt aligns it.

/// Renders rows of cells into aligned strings (without indentation or line breaks).
pub fn render(rows: &[Vec<String>]) -> Vec<String> {
    let mut out: Vec<String> = vec![String::new(); rows.len()];
    let mut widths: Vec<usize> = Vec::new();
    format(rows, &mut out, &mut widths, 0, rows.len());
    out
}

fn cell_width(cell: &str) -> usize {
    cell.chars().count()
}

/// Recursive column-block formatting, as in tabwriter's `format`.
fn format(rows: &[Vec<String>], out: &mut [String], widths: &mut Vec<usize>, line0: usize, line1: usize) {
    let column = widths.len();
    let mut start = line0;
    let mut this = line0;
    while this < line1 {
        if column + 1 >= rows[this].len() {
            this += 1;
            continue;
        }
        write_rows(rows, out, widths, start, this);
        start = this;
        let mut width = 0;
        let mut discardable = true;
        while this < line1 && column + 1 < rows[this].len() {
            let w = cell_width(&rows[this][column]);
            width = width.max(w + 1);
            if w > 0 {
                discardable = false;
            }
            this += 1;
        }
        if discardable {
            width = 0;
        }
        widths.push(width);
        format(rows, out, widths, start, this);
        widths.pop();
        start = this;
    }
    write_rows(rows, out, widths, start, line1);
}

fn write_rows(rows: &[Vec<String>], out: &mut [String], widths: &[usize], from: usize, to: usize) {
    for i in from..to {
        let row = &rows[i];
        let mut s = String::new();
        for (j, cell) in row.iter().enumerate() {
            s.push_str(cell);
            if j + 1 < row.len() && j < widths.len() {
                let pad = widths[j].saturating_sub(cell_width(cell));
                s.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out[i] = s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(spec: &[&[&str]]) -> Vec<Vec<String>> {
        spec.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
    }

    #[test]
    fn aligns_names_and_comments_like_gofmt() {
        let r = rows(&[
            &["BBBBBBB", "= 2"],
            &["C", "= 3", "", "// x"],
            &["DDDD", "= \"4\"", "", "// yy"],
            &["EEEEEEEEEEEEEEE", "= 3"],
        ]);
        assert_eq!(
            render(&r),
            vec![
                "BBBBBBB         = 2",
                "C               = 3   // x",
                "DDDD            = \"4\" // yy",
                "EEEEEEEEEEEEEEE = 3",
            ]
        );
    }

    #[test]
    fn a_row_without_a_comment_splits_the_comment_column() {
        let r = rows(&[&["A,", "// c"], &["BBBB,"], &["C,", "// d"]]);
        assert_eq!(render(&r), vec!["A, // c", "BBBB,", "C, // d"]);
    }
}
