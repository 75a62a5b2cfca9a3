//! Scratch.
mod ui_support;
use parallax::ui::Action::*;
use ui_support::*;
#[test]
fn show() {
    let (w, h): (u16, u16) = std::env::var("SZ")
        .ok()
        .map(|s| {
            let v: Vec<u16> = s.split('x').map(|x| x.parse().unwrap()).collect();
            (v[0], v[1])
        })
        .unwrap_or((120, 35));
    let mut app = hand_app(w, h);
    let keys = std::env::var("KEYS").unwrap_or_default();
    for k in keys.split(',').filter(|k| !k.is_empty()) {
        let a = match k {
            "3" => Compare,
            "2" => Reader,
            "1" => Overview,
            "j" => NextStatement,
            "n" => NextLinked,
            "d" => NextDivergent,
            "a" => ToggleLayout,
            "tab" => SwitchPane,
            "enter" => Open,
            "]" => NextRight,
            "}" => NextLeft,
            "f" => CycleFilter,
            "?" => Help,
            "G" => Last,
            _ => panic!(),
        };
        app.update(a);
    }
    for l in screen_text(&app) {
        println!("{l}");
    }
}
