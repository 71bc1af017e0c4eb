pub enum Shape {
    Circle(f64),
    Square { side: f64 },
    Zigzag { points: Vec<u32> },
}
