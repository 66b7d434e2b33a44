// The part of d3-hierarchy (3.1.3, pinned in package.json) the map's layout uses: the package
// ships no types of its own.
declare module 'd3-hierarchy' {
  export interface HierarchyPointNode<T> {
    readonly data: T;
    readonly depth: number;
    readonly parent: HierarchyPointNode<T> | null;
    readonly children?: HierarchyPointNode<T>[];
    x: number;
    y: number;
    each(callback: (node: HierarchyPointNode<T>) => void): this;
  }
  export interface HierarchyNode<T> {
    readonly data: T;
  }
  export function hierarchy<T>(data: T, children?: (datum: T) => Iterable<T> | null | undefined): HierarchyNode<T>;
  export interface TreeLayout<T> {
    (root: HierarchyNode<T>): HierarchyPointNode<T>;
    nodeSize(size: [number, number]): this;
    separation(separation: (a: HierarchyPointNode<T>, b: HierarchyPointNode<T>) => number): this;
  }
  export function tree<T>(): TreeLayout<T>;
}
