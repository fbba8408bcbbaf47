use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::Terminal;
use serverless_tutor::app::{self, Msg, State};
use serverless_tutor::content::load::load_checked;
use serverless_tutor::content::source::CourseSource;
use serverless_tutor::term::backend::FrameBackend;
use serverless_tutor::theme::{Theme, ThemeName};
fn main() {
    let (course, _) = load_checked(&CourseSource::Embedded).unwrap();
    let theme = Theme::new(ThemeName::Dark, true);
    let area = Rect::new(0, 0, 120, 40);
    let mut state = State::new(course, theme, Default::default(), area);
    app::update(&mut state, Msg::Resize(120, 40));
    let mut t = Terminal::new(FrameBackend::with_size(
        std::io::sink(),
        ratatui::layout::Size::new(120, 40),
    ))
    .unwrap();
    t.draw(|f| f.render_widget(&state, f.area())).unwrap();
    app::update(&mut state, Msg::Highlight);
    let keys = [']', '['];
    let n: usize = std::env::args()
        .nth(1)
        .map_or(20000, |v| v.parse().unwrap());
    let mode = std::env::args().nth(2).unwrap_or_default();
    let start = std::time::Instant::now();
    let mut upd = std::time::Duration::ZERO;
    for i in 0..n {
        let s = std::time::Instant::now();
        app::update(
            &mut state,
            Msg::Key(KeyEvent::new(
                KeyCode::Char(keys[i % 2]),
                KeyModifiers::NONE,
            )),
        );
        upd += s.elapsed();
        if mode == "render" {
            let mut buf = ratatui::buffer::Buffer::empty(area);
            ratatui::widgets::Widget::render(&state, area, &mut buf);
            std::hint::black_box(buf);
        } else {
            t.draw(|f| f.render_widget(&state, f.area())).unwrap();
        }
    }
    eprintln!(
        "{:.1} us per key (update {:.1})",
        start.elapsed().as_secs_f64() * 1e6 / n as f64,
        upd.as_secs_f64() * 1e6 / n as f64
    );
}
