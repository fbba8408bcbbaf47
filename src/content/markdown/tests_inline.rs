//! Inline constructs: emphasis, strong, strikethrough, code, links, images, breaks.

use super::parse_markdown;
use crate::content::model::{Block, Inline, Inlines, TextRun, TextStyle};

fn para(md: &str) -> Inlines {
    match parse_markdown(md).as_slice() {
        [Block::Paragraph(inl)] => inl.clone(),
        other => panic!("expected one paragraph, got {other:?}"),
    }
}

fn run(text: &str, style: TextStyle) -> Inline {
    Inline::Text(TextRun {
        text: text.into(),
        style,
        link: None,
    })
}

fn plain(text: &str) -> Inline {
    run(text, TextStyle::default())
}

#[test]
fn emphasis_strong_strike_and_code_are_styled_runs() {
    let em = TextStyle {
        emphasis: true,
        ..Default::default()
    };
    let strong = TextStyle {
        strong: true,
        ..Default::default()
    };
    let both = TextStyle {
        strong: true,
        emphasis: true,
        ..Default::default()
    };
    let strike = TextStyle {
        strikethrough: true,
        ..Default::default()
    };
    let code = TextStyle {
        code: true,
        ..Default::default()
    };
    assert_eq!(
        para("a *b* **c *d*** ~~e~~ `f`"),
        vec![
            plain("a "),
            run("b", em),
            plain(" "),
            run("c ", strong),
            run("d", both),
            plain(" "),
            run("e", strike),
            plain(" "),
            run("f", code),
        ]
    );
}

#[test]
fn links_carry_their_destination() {
    let inl = para("see [the *docs*](https://vercel.com/docs) now");
    let link: Option<Box<str>> = Some("https://vercel.com/docs".into());
    assert_eq!(
        inl,
        vec![
            plain("see "),
            Inline::Text(TextRun {
                text: "the ".into(),
                style: TextStyle::default(),
                link: link.clone()
            }),
            Inline::Text(TextRun {
                text: "docs".into(),
                style: TextStyle {
                    emphasis: true,
                    ..Default::default()
                },
                link
            }),
            plain(" now"),
        ]
    );
}

#[test]
fn autolinks_and_link_urls_are_sanitised() {
    let inl = para("<https://a.example/x>");
    let Inline::Text(r) = &inl[0] else {
        panic!("{inl:?}")
    };
    assert_eq!(r.link.as_deref(), Some("https://a.example/x"));
    let inl = para("[x](https://a.example/%1B[31m)");
    let Inline::Text(r) = &inl[0] else {
        panic!("{inl:?}")
    };
    assert!(!r.link.as_deref().unwrap_or("").contains('\u{1b}'));
}

#[test]
fn images_show_alt_text_or_file_name() {
    let image = TextStyle {
        image: true,
        ..Default::default()
    };
    assert_eq!(
        para("![The hybrid diagram](assets/h.png)"),
        vec![run("The hybrid diagram", image)]
    );
    assert_eq!(para("![](assets/h.png)"), vec![run("h.png", image)]);
}

#[test]
fn soft_and_hard_breaks_are_explicit() {
    assert_eq!(
        para("one\ntwo  \nthree\\\nfour"),
        vec![
            plain("one"),
            Inline::SoftBreak,
            plain("two"),
            Inline::HardBreak,
            plain("three"),
            Inline::HardBreak,
            plain("four"),
        ]
    );
}

#[test]
fn inline_html_is_text_and_comments_vanish() {
    assert_eq!(
        para("a <b>bold</b> c <!-- hidden --> d"),
        vec![plain("a <b>bold</b> c  d")]
    );
}

#[test]
fn control_characters_in_text_become_visible() {
    assert_eq!(
        para("red \u{1b}[31m alert\u{7}"),
        vec![plain("red ^[[31m alert\u{FFFD}")]
    );
}

#[test]
fn crlf_input_reads_like_lf() {
    assert_eq!(para("one\r\ntwo\r\n"), para("one\ntwo\n"));
}

#[test]
fn deeply_nested_emphasis_does_not_recurse() {
    let md = format!("{}a{}", "*".repeat(20_000), "*".repeat(20_000));
    let blocks = parse_markdown(&md);
    assert_eq!(blocks.len(), 1);
}
